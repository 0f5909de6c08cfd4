package io.skytrade.journal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says what went wrong with a file in words: the JDK's file-system exceptions carry only the path
 * as their message ({@code NoSuchFileException: x.yaml}), so "cannot read x.yaml: x.yaml" is what
 * a user would otherwise see.
 *
 * <p>Error paths only.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /** The reason alone, e.g. "no such file or directory" or "permission denied", naming the other file if there is one. */
    public static String reason(final IOException e) {
        final String what;
        if (e instanceof NoSuchFileException) {
            what = "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            what = "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            what = "already exists";
        } else if (e instanceof NotDirectoryException) {
            what = "not a directory";
        } else if (e instanceof DirectoryNotEmptyException) {
            what = "directory not empty";
        } else if (e instanceof FileSystemException f) {
            what = f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
        } else {
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        final FileSystemException f = (FileSystemException) e;
        return f.getOtherFile() != null ? what + " (" + f.getOtherFile() + ")" : what;
    }

    /** The file and the reason, e.g. "/data/x: permission denied"; the message for other I/O errors. */
    public static String describe(final IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + reason(e);
        }
        return reason(e);
    }

    /**
     * The reason for an error on {@code subject}, naming the file that failed only when it is
     * another one (a missing parent directory, say): for "cannot read " + subject + ": " + this.
     */
    public static String describe(final IOException e, final Object subject) {
        if (e instanceof FileSystemException f && f.getFile() != null && !f.getFile().equals(String.valueOf(subject))) {
            return f.getFile() + ": " + reason(e);
        }
        return reason(e);
    }
}
