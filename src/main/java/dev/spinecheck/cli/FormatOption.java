package dev.spinecheck.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code --format text|json}, the same for every command that has it. */
public final class FormatOption {
    public enum Format { text, json }

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", scope = ScopeType.LOCAL,
            description = "text (for people) or json (for programs: one object per line). Default: ${DEFAULT-VALUE}.")
    Format format;

    boolean json() {
        return format == Format.json;
    }
}
