package io.deploykit.camel.bc;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.bc.model.Picture;
import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.InvalidInputException;
import io.deploykit.camel.core.journal.DeployJournal;
import io.deploykit.camel.core.journal.DeployKeys;
import io.deploykit.camel.core.journal.DeployStep;
import io.deploykit.camel.core.journal.SettleAfterMove;
import io.deploykit.camel.core.support.DeployKitProducer;

/** The operations on the picture of an item, customer, vendor, employee or contact, one method each. */
final class PictureProducer extends DeployKitProducer<BcEndpoint, BcOperation> {

    private static final Logger LOG = LoggerFactory.getLogger(PictureProducer.class);
    /** The steps of a picture update; the names are what journals keep, so they never change. */
    private enum Step {
        updating,
        updated
    }

    /** The exchange property that remembers the record id a result set, to tell it from an id the route gives. */
    private static final String RESULT_PARENT_ID = "CamelBcResultParentId";

    private final BcConfiguration config;

    PictureProducer(BcEndpoint endpoint) {
        super(endpoint);
        this.config = endpoint.getConfiguration();
    }

    @Override
    protected CompletableFuture<?> operate(BcOperation operation, Exchange exchange) {
        BcParentType type = parentType(exchange);
        return switch (operation) {
            case get -> get(exchange, type);
            case getContent -> getContent(exchange, type);
            case update -> update(exchange, type);
            case delete -> delete(exchange, type);
            default -> throw new IllegalStateException("unreachable: " + operation + " was validated");
        };
    }

    private CompletableFuture<?> get(Exchange exchange, BcParentType type) {
        return getEndpoint().companyId().thenCompose(company -> parentId(exchange, company, type)
                .thenCompose(parent -> getEndpoint().api().getPicture(company, type, parent))
                .thenAccept(picture -> result(exchange, company, picture)));
    }

    /** The body becomes the picture's bytes, or null when the record has no picture. */
    private CompletableFuture<?> getContent(Exchange exchange, BcParentType type) {
        return getEndpoint().companyId().thenCompose(company -> parentId(exchange, company, type)
                .thenCompose(parent -> getEndpoint().api().getPictureContent(company, type, parent).thenAccept(content -> {
                    Message message = exchange.getMessage();
                    boolean none = content.status() == 204 || content.body().length == 0;
                    message.setBody(none ? null : content.body());
                    message.setHeader(BcConstants.COMPANY_ID, company);
                    message.setHeader(BcConstants.PARENT_ID, parent);
                    exchange.setProperty(RESULT_PARENT_ID, parent);
                    message.setHeader(BcConstants.CONTENT_TYPE, none ? null : content.header("Content-Type"));
                })));
    }

    /**
     * Streams the body as the new picture, then reads back what Business Central made of it. With a state repository,
     * an update taken up again after it may have been sent compares the stored picture with the body and is not sent
     * again when they are the same; one that completed is not repeated.
     */
    private CompletableFuture<?> update(Exchange exchange, BcParentType type) {
        UploadBody image = UploadBody.from(exchange, "picture");
        String declared = exchange.getMessage().getHeader(BcConstants.CONTENT_TYPE, String.class);
        String contentType = ObjectHelper.isEmpty(declared) ? ImageType.detect(image) : declared;
        ImageType.requireComplete(image, contentType);
        DeployJournal journal = getEndpoint().getJournal();
        DeployJournal.Entry entry = journal.entry("picture " + type,
                journal.isRecording() ? DeployKeys.of(exchange, BcConstants.DEPLOY_KEY, image) : image.fileName());
        if (!DeployKeys.isGiven(exchange, BcConstants.DEPLOY_KEY)) {
            SettleAfterMove.register(exchange, entry); // a key of the file's own: moved to its outcome, it is done
        }
        deploying(exchange, image, entry);
        boolean[] skipped = new boolean[1];
        return getEndpoint().companyId().thenCompose(company -> parentId(exchange, company, type)
                .thenCompose(parent -> updateOnce(company, type, parent, image, contentType, entry)
                        .thenCompose(sent -> {
                            skipped[0] = !sent;
                            return getEndpoint().api().getPicture(company, type, parent);
                        }))
                .thenAccept(picture -> {
                    if (!skipped[0]) {
                        LOG.info("Updated the picture of {} {}: {}x{} {}", type, picture.getId(), picture.getWidth(),
                                picture.getHeight(), picture.getContentType());
                    }
                    result(exchange, company, picture);
                    exchange.getMessage().setHeader(BcConstants.DEPLOY_SKIPPED, skipped[0]);
                }));
    }

    /** Completes with false when the update was found completed before for this deploy key: nothing was sent. */
    private CompletableFuture<Boolean> updateOnce(String company, BcParentType type, String parent, UploadBody image,
                                                  String contentType, DeployJournal.Entry entry) {
        return entry.lastAsync().thenCompose(recorded -> updateFrom(company, type, parent, image, contentType, entry,
                recorded.filter(step -> parent.equals(step.resourceId()))));
    }

    private CompletableFuture<Boolean> updateFrom(String company, BcParentType type, String parent, UploadBody image,
                                                  String contentType, DeployJournal.Entry entry,
                                                  Optional<DeployStep> last) {
        if (last.isPresent() && last.get().is(Step.updated)) {
            LOG.warn("The picture of {} {} was updated from {} before: not sent again (the file was not moved out of"
                     + " the inbox since, or its deploy key was given)", type, parent, image.fileName());
            return CompletableFuture.completedFuture(false);
        }
        BcApi api = getEndpoint().api();
        CompletableFuture<Boolean> tookEffect = last.isEmpty() ? CompletableFuture.completedFuture(false)
                : api.getPictureContent(company, type, parent).thenApply(stored -> sameContent(stored.body(), image));
        return tookEffect.thenCompose(same -> {
            if (same) {
                LOG.info("The picture of {} {} sent before had taken effect: not sent again", type, parent);
                return CompletableFuture.<Void>completedFuture(null);
            }
            return entry.recordAsync(Step.updating, parent, null)
                    .thenCompose(recorded -> api.updatePictureContent(company, type, parent, image, contentType));
        }).thenCompose(v -> entry.recordAsync(Step.updated, parent, null)).thenApply(recorded -> true);
    }

    private static boolean sameContent(byte[] stored, UploadBody image) {
        return stored.length == image.length() && image.sha256().equals(UploadBody.ofBytes(image.fileName(), stored).sha256());
    }

    private CompletableFuture<?> delete(Exchange exchange, BcParentType type) {
        return getEndpoint().companyId().thenCompose(company -> parentId(exchange, company, type)
                .thenCompose(parent -> getEndpoint().api().deletePicture(company, type, parent).thenAccept(v -> {
                    LOG.info("Deleted the picture of {} {}", type, parent);
                    Message message = exchange.getMessage();
                    message.setBody(null);
                    message.setHeader(BcConstants.COMPANY_ID, company);
                    message.setHeader(BcConstants.PARENT_ID, parent);
                    exchange.setProperty(RESULT_PARENT_ID, parent);
                })));
    }

    private BcParentType parentType(Exchange exchange) {
        BcParentType type = exchange.getMessage().getHeader(BcConstants.PARENT_TYPE, BcParentType.class);
        return type == null ? config.getParentType() : type;
    }

    /**
     * The record's id: the header CamelBcParentId, else looked up by CamelBcParentNumber. The id an earlier operation
     * on this exchange set as its result gives way to a number given: a route may update several records' pictures.
     */
    private CompletableFuture<String> parentId(Exchange exchange, String company, BcParentType type) {
        String id = exchange.getMessage().getHeader(BcConstants.PARENT_ID, String.class);
        String number = exchange.getMessage().getHeader(BcConstants.PARENT_NUMBER, String.class);
        boolean resultBefore = id != null && id.equals(exchange.getProperty(RESULT_PARENT_ID, String.class));
        if (ObjectHelper.isNotEmpty(id) && !(resultBefore && ObjectHelper.isNotEmpty(number))) {
            return CompletableFuture.completedFuture(id);
        }
        if (ObjectHelper.isEmpty(number)) {
            throw new InvalidInputException("Name the record whose picture to use: header " + BcConstants.PARENT_ID
                                            + " or " + BcConstants.PARENT_NUMBER);
        }
        return getEndpoint().api().parentIdByNumber(company, type, number.trim());
    }

    private static void result(Exchange exchange, String company, Picture picture) {
        exchange.setProperty(RESULT_PARENT_ID, picture.getId());
        Message message = exchange.getMessage();
        message.setBody(picture);
        message.setHeader(BcConstants.COMPANY_ID, company);
        message.setHeader(BcConstants.PARENT_ID, picture.getId());
        message.setHeader(BcConstants.CONTENT_TYPE, picture.getContentType());
    }
}
