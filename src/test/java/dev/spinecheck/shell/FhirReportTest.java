package dev.spinecheck.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.FhirValidation;
import dev.spinecheck.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The interactive screening's {@code --report FILE.json}: the same FHIR Bundle that {@code run --format fhir} writes. */
class FhirReportTest {
    @TempDir
    Path state;

    @Test
    void a_report_named_json_is_a_fhir_bundle_with_the_answers_and_the_result() throws Exception {
        Path report = state.resolve("result.json");
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).reportingTo(report, false))) {
            shell.answer("How old are you?", "40");
            shell.answer("Where is your pain?", "3");
            shell.answer("operation on your spine?", "1");
            shell.answer("accident, a fall or an injury", "serious");
            shell.waitFor("Show my result");
            shell.type("2");
            shell.waitFor("Saved your summary");
            assertThat(shell.exitCode()).isZero();
        }
        String json = Files.readString(report);
        JsonNode bundle = Json.parse(json);
        assertThat(bundle.path("type").asString()).isEqualTo("collection");
        JsonNode response = bundle.path("entry").path(0).path("resource");
        assertThat(response.path("status").asString()).isEqualTo("stopped");
        assertThat(response.path("authored").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)");
        JsonNode risk = bundle.path("entry").path(1).path("resource");
        assertThat(risk.path("prediction").path(1).path("outcome").path("coding").path(0).path("code").asString()).isEqualTo("serious_injury");
        assertThat(FhirValidation.errors(json)).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-------");
    }
}
