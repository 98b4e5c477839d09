package dev.spinecheck.cli;

import dev.spinecheck.render.Wording;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code --emergency-number N}, also from {@code SPINECHECK_EMERGENCY_NUMBER}. */
public final class EmergencyNumberOption {
    static final String ENV = "SPINECHECK_EMERGENCY_NUMBER";

    @Option(names = "--emergency-number", paramLabel = "N", scope = ScopeType.LOCAL,
            description = "The number to call in an emergency, e.g. 112, 911 or 999 (also from " + ENV + ")."
                    + " Default: \"" + Wording.DEFAULT_EMERGENCY_NUMBER + "\".")
    String number;

    public Wording wording(Io io) {
        return new Wording(number != null ? number : io.env(ENV));
    }
}
