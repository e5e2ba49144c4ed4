package dev.camelspark.support;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The options of components whose results are media files behind a URL. */
@UriParams
public abstract class SparkMediaConfiguration extends SparkConfiguration {

    @UriParam(label = "common", defaultValue = "true",
              description = "Download the generated media and make it the body. When false the body is the media URL (also in header CamelSparkMediaUrl).")
    private boolean download = true;
    @UriParam(label = "common",
              description = "Write downloaded media straight into this directory; the body is then the java.io.File. By default small media are a byte array and large ones a temp-file-backed stream.")
    private String downloadDirectory;
    @UriParam(label = "common", defaultValue = "209715200",
              description = "The largest media, in bytes, that will be downloaded; larger ones fail the exchange before they fill a disk.")
    private long maxDownloadSize = 200L * 1024 * 1024;
    @UriParam(label = "common", defaultValue = "600000", javaType = "java.time.Duration",
              description = "The longest one media download may take as a whole, redirects included (streamIdleTimeout only bounds the silence between two reads, which a trickling server never exceeds). The download is aborted and nothing is left behind.")
    private long downloadTimeout = 600_000;
    @UriParam(label = "security",
              description = "Comma-separated hosts (host or host:port) that media may be downloaded from although they are private, loopback or link-local addresses. The API's own host is always allowed.")
    private String allowedDownloadHosts;

    @Override
    public void validate(String provider) {
        super.validate(provider);
        SparkChecks.of(provider).atLeast("maxDownloadSize", maxDownloadSize, 1)
                .atLeast("downloadTimeout", downloadTimeout, 1);
    }

    /** {@link #getAllowedDownloadHosts()} as a set of lower-case names. */
    public Set<String> allowedDownloadHostSet() {
        if (allowedDownloadHosts == null || allowedDownloadHosts.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(allowedDownloadHosts.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isDownload() {
        return download;
    }

    public void setDownload(boolean download) {
        this.download = download;
    }

    public String getDownloadDirectory() {
        return downloadDirectory;
    }

    public void setDownloadDirectory(String downloadDirectory) {
        this.downloadDirectory = downloadDirectory;
    }

    public long getMaxDownloadSize() {
        return maxDownloadSize;
    }

    public void setMaxDownloadSize(long maxDownloadSize) {
        this.maxDownloadSize = maxDownloadSize;
    }

    public long getDownloadTimeout() {
        return downloadTimeout;
    }

    public void setDownloadTimeout(long downloadTimeout) {
        this.downloadTimeout = downloadTimeout;
    }

    public String getAllowedDownloadHosts() {
        return allowedDownloadHosts;
    }

    public void setAllowedDownloadHosts(String allowedDownloadHosts) {
        this.allowedDownloadHosts = allowedDownloadHosts;
    }
}
