package io.mediasync.common.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageUrlTest {

    @Test
    void anAbsoluteHttpOrHttpsUrlWithAHostIsAnImage() {
        assertThat(ImageUrl.problem("https://images.example.org/a.jpg")).isEmpty();
        assertThat(ImageUrl.problem("HTTP://images.example.org/a.jpg")).isEmpty();
    }

    @Test
    void anS3UrlNeedsABucketAndAKey() {
        assertThat(ImageUrl.problem("s3://mediasync-content/content/a.jpg")).isEmpty();
        assertThat(ImageUrl.isS3("S3://bucket/key")).isTrue();
        assertThat(ImageUrl.problem("s3://mediasync-content/")).contains("must be s3://bucket/key: s3://mediasync-content/");
        assertThat(ImageUrl.problem("s3://")).hasValueSatisfying(p -> assertThat(p).startsWith("is not a valid URL: "));
    }

    @Test
    void otherSchemesRelativeUrlsAndHostlessUrlsAreRefused() {
        assertThat(ImageUrl.problem("ftp://example.org/a.jpg")).contains("must be an absolute http(s) URL: ftp://example.org/a.jpg");
        assertThat(ImageUrl.problem("/images/a.jpg")).contains("must be an absolute http(s) URL: /images/a.jpg");
        assertThat(ImageUrl.problem("http:///a.jpg")).contains("must be an absolute http(s) URL: http:///a.jpg");
    }

    @Test
    void aUrlIsTakenAsGivenSoSurroundingSpaceMakesItInvalidAsTheResizerSeesIt() {
        assertThat(ImageUrl.problem(" https://images.example.org/a.jpg"))
                .hasValueSatisfying(p -> assertThat(p).startsWith("is not a valid URL: Illegal character"));
    }

    @Test
    void aPostbackMustBeHttpEvenWhereAnImageMayBeS3() {
        assertThat(ImageUrl.httpProblem("s3://bucket/key")).contains("must be an absolute http(s) URL: s3://bucket/key");
    }
}
