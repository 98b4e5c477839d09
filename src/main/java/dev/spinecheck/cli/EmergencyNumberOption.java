package dev.spinecheck.cli;

import dev.spinecheck.load.Problem;
import dev.spinecheck.render.Wording;
import dev.spinecheck.script.ExitStatus;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code --emergency-number N}, also from {@code SPINECHECK_EMERGENCY_NUMBER}: a number to call, nothing else. */
public final class EmergencyNumberOption {
    static final String ENV = "SPINECHECK_EMERGENCY_NUMBER";
    private static final String WHAT = " — give digits, spaces, + and - only, like 112 or +44 20 7946 0000";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private String number;

    @Option(names = "--emergency-number", paramLabel = "N", scope = ScopeType.LOCAL,
            description = "The number to call in an emergency, e.g. 112, 911 or 999 (also from " + ENV + ")."
                    + " Default: \"" + Wording.DEFAULT_EMERGENCY_NUMBER + "\".")
    void number(String value) {
        if (!isNumber(value)) {
            throw new ParameterException(command.commandLine(), "--emergency-number '" + Problem.visible(value) + "' is not a phone number" + WHAT);
        }
        number = value;
    }

    /** Digits, spaces, + and - only, with at least one digit (a loop, not a pattern: compiling one costs start-up time). */
    static boolean isNumber(String value) {
        if (value == null) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '+' && c != '-' && c != ' ') {
                return false;
            }
        }
        return digit;
    }

    public Wording wording(Io io) {
        if (number != null) {
            return new Wording(number);
        }
        String fromEnv = io.env(ENV);
        if (fromEnv != null && !isNumber(fromEnv)) {
            throw new UserError(ExitStatus.USAGE, "spinecheck: " + ENV + " is '" + Problem.visible(fromEnv) + "', which is not a phone number" + WHAT);
        }
        return new Wording(fromEnv);
    }
}
