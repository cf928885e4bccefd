package io.claimlens.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers for stable, content-derived identifiers. */
public final class ContentHash {

    private ContentHash() {
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** A new SHA-256 digest (MessageDigest instances are not thread-safe, so callers get their own). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** The article id used when a source gives none: {@code "a"} + the first 16 hex digits of SHA-256(text). */
    public static String articleId(String text) {
        return "a" + sha256Hex(text).substring(0, 16);
    }
}
