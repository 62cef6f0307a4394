package org.lateral.library.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;

/** The upload component's own words (its button, drop line, errors) in the page's language. */
final class UploadTexts {

    private UploadTexts() {}

    static UploadI18N of(Component page) {
        UploadI18N texts = new UploadI18N();
        texts.setDropFiles(new UploadI18N.DropFiles()
                .setOne(page.getTranslation("library.upload.dropOne"))
                .setMany(page.getTranslation("library.upload.dropMany")));
        texts.setAddFiles(new UploadI18N.AddFiles()
                .setOne(page.getTranslation("library.upload.addOne"))
                .setMany(page.getTranslation("library.upload.addMany")));
        texts.setError(new UploadI18N.Error()
                .setTooManyFiles(page.getTranslation("library.upload.tooManyFiles"))
                .setFileIsTooBig(page.getTranslation("library.upload.tooBig"))
                .setIncorrectFileType(page.getTranslation("library.upload.wrongType")));
        texts.setFile(new UploadI18N.File()
                .setRetry(page.getTranslation("library.upload.retry"))
                .setStart(page.getTranslation("library.upload.start"))
                .setRemove(page.getTranslation("library.upload.remove")));
        texts.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(page.getTranslation("library.upload.connecting"))
                        .setStalled(page.getTranslation("library.upload.stalled"))
                        .setProcessing(page.getTranslation("library.upload.processing"))
                        .setHeld(page.getTranslation("library.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(page.getTranslation("library.upload.remaining"))
                        .setUnknown(page.getTranslation("library.upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(page.getTranslation("library.upload.serverUnavailable"))
                        .setUnexpectedServerError(page.getTranslation("library.upload.serverError"))
                        .setForbidden(page.getTranslation("library.upload.forbidden"))));
        return texts;
    }
}
