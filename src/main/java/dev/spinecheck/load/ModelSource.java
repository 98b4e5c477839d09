package dev.spinecheck.load;

import dev.spinecheck.engine.Questionnaire;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a model object as a Java expression that rebuilds it through its public constructors: records by their
 * components, a {@link Questionnaire} by the arguments of its constructor. Large parts go into methods of their own
 * (a Java method holds at most 64 KB of code). Anything else in the model stops the build with its class named. Every
 * text with a placeholder ({@code {...}}) is passed through {@code f}, a {@code UnaryOperator<String>} in scope, so
 * that a placeholder is filled in as the model is built, not by building it twice.
 */
final class ModelSource {
    private static final int LARGEST_EXPRESSION = 4_000;
    private static final int LARGEST_LITERAL = 10_000;
    private static final String HELPERS = "CompiledQuestionnaire.";
    /** The questionnaire's constructor arguments, in order, by the accessor that gives each back. */
    private static final List<String> QUESTIONNAIRE = List.of("id", "version", "title", "intro", "sources", "items", "flags",
            "levels", "advice", "people", "emergency");

    private final List<String> methods = new ArrayList<>();

    /** The methods the expressions written so far call. */
    List<String> methods() {
        return List.copyOf(methods);
    }

    String expression(Object value, Type type) {
        if (value == null) {
            return "(" + typeName(type) + ") null";
        }
        if (value instanceof String text) {
            return text.indexOf('{') >= 0 ? "f.apply(" + literal(text) + ")" : literal(text);
        }
        if (value instanceof Boolean || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Long number) {
            return number + "L";
        }
        if (value instanceof Enum<?> constant) {
            return constant.getDeclaringClass().getCanonicalName() + "." + constant.name();
        }
        if (value instanceof List<?> list) {
            return HELPERS + "<" + typeName(argument(type, 0)) + ">list(" + elements(list, argument(type, 0)) + ")";
        }
        if (value instanceof Set<?> set) {
            return HELPERS + "<" + typeName(argument(type, 0)) + ">set(" + elements(List.copyOf(set), argument(type, 0)) + ")";
        }
        if (value instanceof Map<?, ?> map) {
            Type key = argument(type, 0);
            Type entryValue = argument(type, 1);
            List<String> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(HELPERS + "<" + typeName(key) + ", " + typeName(entryValue) + ">entry("
                    + expression(k, key) + ", " + expression(v, entryValue) + ")"));
            return HELPERS + "<" + typeName(key) + ", " + typeName(entryValue) + ">map(" + String.join(", ", entries) + ")";
        }
        if (value instanceof Optional<?> optional) {
            Type inner = argument(type, 0);
            return optional.isEmpty() ? "java.util.Optional.<" + typeName(inner) + ">empty()"
                    : "java.util.Optional.<" + typeName(inner) + ">of(" + expression(optional.get(), inner) + ")";
        }
        if (value.getClass().isRecord()) {
            RecordComponent[] components = value.getClass().getRecordComponents();
            List<String> arguments = new ArrayList<>();
            for (RecordComponent component : components) {
                arguments.add(expression(invoke(component.getAccessor(), value), component.getGenericType()));
            }
            return construct(value.getClass(), arguments);
        }
        if (value instanceof Questionnaire questionnaire) {
            Constructor<?> constructor = Arrays.stream(Questionnaire.class.getConstructors())
                    .filter(c -> c.getParameterCount() == QUESTIONNAIRE.size()).findFirst().orElseThrow();
            Type[] types = constructor.getGenericParameterTypes();
            List<String> arguments = new ArrayList<>();
            for (int i = 0; i < types.length; i++) {
                arguments.add(expression(invoke(accessor(QUESTIONNAIRE.get(i)), questionnaire), types[i]));
            }
            return construct(Questionnaire.class, arguments);
        }
        throw new IllegalArgumentException("cannot write a " + value.getClass().getName()
                + " of the questionnaire as Java — teach ModelSource how it is built");
    }

    private String construct(Class<?> type, List<String> arguments) {
        String name = type.getCanonicalName();
        String expression = "new " + name + "(" + String.join(", ", arguments) + ")";
        if (expression.length() <= LARGEST_EXPRESSION) {
            return expression;
        }
        String method = "part" + (methods.size() + 1);
        methods.add("    private static " + name + " " + method + "(java.util.function.UnaryOperator<String> f) {\n        return "
                + expression + ";\n    }\n");
        return method + "(f)";
    }

    private String elements(List<?> items, Type type) {
        List<String> written = new ArrayList<>();
        for (Object item : items) {
            written.add(expression(item, type));
        }
        return String.join(", ", written);
    }

    private static java.lang.reflect.Method accessor(String name) {
        try {
            return Questionnaire.class.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Questionnaire has no " + name + "() — update ModelSource.QUESTIONNAIRE", e);
        }
    }

    private static Object invoke(java.lang.reflect.Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[index];
        }
        throw new IllegalArgumentException("the type of a collection in the questionnaire is not known: " + type);
    }

    static String typeName(Type type) {
        if (type instanceof Class<?> c) {
            return c.isPrimitive() ? c.getName() : c.getCanonicalName();
        }
        if (type instanceof ParameterizedType parameterized) {
            List<String> arguments = new ArrayList<>();
            for (Type argument : parameterized.getActualTypeArguments()) {
                arguments.add(typeName(argument));
            }
            return typeName(parameterized.getRawType()) + "<" + String.join(", ", arguments) + ">";
        }
        throw new IllegalArgumentException("cannot name the type " + type + " in Java");
    }

    /** A Java string literal in ASCII; a long text is joined from parts (a literal holds at most 64 KB). */
    static String literal(String text) {
        if (text.length() > LARGEST_LITERAL) {
            List<String> parts = new ArrayList<>();
            for (int start = 0; start < text.length(); start += LARGEST_LITERAL) {
                parts.add(literal(text.substring(start, Math.min(text.length(), start + LARGEST_LITERAL))));
            }
            return "String.join(\"\", " + String.join(", ", parts) + ")";
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        // Octal, not \\u: a \\u escape of a line break would end the line in the source.
                        out.append(String.format("\\%03o", (int) c));
                    } else if (c > 0x7E) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
