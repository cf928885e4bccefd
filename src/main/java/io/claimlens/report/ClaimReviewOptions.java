package io.claimlens.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who publishes a ClaimReview, where and when.
 *
 * @param organisation    the fact-checking organisation (the review's {@code author}), never blank
 * @param organisationUrl its web site, or {@code null}
 * @param reviewUrl       the page that hosts the full fact check (the review's {@code url}), or {@code null}; Google
 *                        requires it for its fact-check features, so publishers should set it
 * @param datePublished   the review's publication date
 */
public record ClaimReviewOptions(String organisation, String organisationUrl, String reviewUrl,
                                 LocalDate datePublished) {

    /** The organisation named when none is configured. */
    public static final String DEFAULT_ORGANISATION = "ClaimLens";

    public ClaimReviewOptions {
        if (organisation == null || organisation.isBlank()) {
            throw new IllegalArgumentException("a ClaimReview needs the name of the organisation that publishes it");
        }
        Objects.requireNonNull(datePublished, "datePublished");
        checkUrl("organisation URL", organisationUrl);
        checkUrl("review URL", reviewUrl);
    }

    private static void checkUrl(String what, String url) {
        if (url != null && HtmlReport.safeUrl(url) == null) {
            throw new IllegalArgumentException(what + " must be an absolute http(s) URL, not '" + url + "'");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder: {@link #setDatePublished} is required, the rest optional. */
    public static final class Builder {
        private String organisation = DEFAULT_ORGANISATION;
        private String organisationUrl;
        private String reviewUrl;
        private LocalDate datePublished;

        public Builder setDatePublished(LocalDate date) {
            this.datePublished = date;
            return this;
        }

        public Builder optOrganisation(String name) {
            this.organisation = name;
            return this;
        }

        public Builder optOrganisationUrl(String url) {
            this.organisationUrl = url;
            return this;
        }

        public Builder optReviewUrl(String url) {
            this.reviewUrl = url;
            return this;
        }

        public ClaimReviewOptions build() {
            if (datePublished == null) {
                throw new IllegalStateException("ClaimReviewOptions: setDatePublished is required");
            }
            return new ClaimReviewOptions(organisation, organisationUrl, reviewUrl, datePublished);
        }
    }
}
