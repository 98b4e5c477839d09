package dev.spinecheck.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The Maven Wrapper downloads Maven from Central and checks it against a pinned SHA-256 before running it (the value
 * is the one Central publishes beside the zip, apache-maven-VERSION-bin.zip.sha256).
 */
class MavenWrapperTest {

    @Test
    void the_wrapper_checks_the_maven_it_downloads_against_a_pinned_sha256() throws IOException {
        Properties wrapper = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(".mvn/wrapper/maven-wrapper.properties"), StandardCharsets.ISO_8859_1)) {
            wrapper.load(in);
        }
        assertThat(wrapper.getProperty("distributionUrl")).startsWith("https://repo.maven.apache.org/maven2/");
        assertThat(wrapper.getProperty("distributionSha256Sum")).as("distributionSha256Sum").matches("[0-9a-f]{64}");
    }
}
