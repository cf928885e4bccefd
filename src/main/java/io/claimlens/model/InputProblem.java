package io.claimlens.model;

/**
 * A piece of input the engine could not use, and why. Problems are values: a batch records them and goes on.
 *
 * @param origin  the file (path as given)
 * @param line    1-based line number in that file, or 0 when the problem is not tied to a line
 * @param field   the JSON field at fault, or {@code null}
 * @param stage   the stage that rejected it ("ingest", "nlp", ...)
 * @param message what is wrong, in words a user can act on
 */
public record InputProblem(String origin, int line, String field, String stage, String message) {

    /** {@code file:line: field: message} in the form compilers use, so editors can jump to it. */
    public String describe() {
        StringBuilder sb = new StringBuilder(origin);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null) {
            sb.append("field '").append(field).append("': ");
        }
        return sb.append(message).toString();
    }
}
