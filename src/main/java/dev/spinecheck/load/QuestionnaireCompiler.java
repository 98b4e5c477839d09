package dev.spinecheck.load;

import dev.spinecheck.engine.Questionnaire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build time only: compiles a bundled questionnaire's YAML into the Java source of its {@link CompiledQuestionnaire},
 * read by the same reader and checks as ever (a questionnaire with a problem stops the build).
 *
 * <p>{@code QuestionnaireCompiler YAML SOURCE_DIR} writes {@code SOURCE_DIR/dev/spinecheck/load/Compiled<Name>.java}.
 */
public final class QuestionnaireCompiler {
    private QuestionnaireCompiler() {}

    public static void main(String[] args) throws IOException, InvalidInputException, UnreadableInputException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: QuestionnaireCompiler QUESTIONNAIRE.yaml SOURCE_DIR");
        }
        Path yaml = Path.of(args[0]);
        String name = yaml.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String className = CompiledQuestionnaire.className(name);
        Path target = Path.of(args[1]).resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(target.getParent());
        Files.writeString(target, source(name, Files.readAllBytes(yaml)), StandardCharsets.US_ASCII);
    }

    /** The Java source of the compiled form of the bundled questionnaire {@code name}, whose YAML is {@code yaml}. */
    static String source(String name, byte[] yaml) throws InvalidInputException {
        Questionnaire questionnaire = QuestionnaireReader.readLocated(
                new TreeReader().read(yaml, "questionnaires/" + name + ".yaml", TreeReader.Syntax.YAML, 1)).questionnaire();
        String className = CompiledQuestionnaire.className(name);
        ModelSource model = new ModelSource();
        String expression = model.expression(questionnaire, Questionnaire.class);
        StringBuilder out = new StringBuilder();
        out.append("package ").append(className, 0, className.lastIndexOf('.')).append(";\n\n");
        out.append("/** Generated at build time by QuestionnaireCompiler from questionnaires/").append(name)
                .append(".yaml: do not edit. */\n");
        out.append("final class ").append(className.substring(className.lastIndexOf('.') + 1))
                .append(" implements CompiledQuestionnaire {\n");
        out.append("    @Override\n    public String yamlFingerprint() {\n        return \"").append(CompiledQuestionnaire.fingerprint(yaml))
                .append("\";\n    }\n\n");
        out.append("    @Override\n    public dev.spinecheck.engine.Questionnaire questionnaire(java.util.function.UnaryOperator<String> f) {\n"
                + "        return ")
                .append(expression).append(";\n    }\n");
        for (String method : model.methods()) {
            out.append('\n').append(method);
        }
        return out.append("}\n").toString();
    }
}
