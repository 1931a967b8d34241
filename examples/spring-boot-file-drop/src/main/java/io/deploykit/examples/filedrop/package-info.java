/**
 * The file-drop example: a Spring Boot application that deploys what is dropped in folders or FTP directories,
 * RapidStart packages and item pictures to Business Central and extension zips to Adobe Tags, alone or as a cluster.
 */
package io.deploykit.examples.filedrop;
