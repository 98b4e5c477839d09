package dev.spinecheck.engine;

import java.util.List;

/** One answer as given: a code ({@code yes_no}, {@code choice}), codes ({@code multi}) or a whole number. */
public sealed interface Answer permits Answer.Code, Answer.Codes, Answer.Number {

    record Code(String code) implements Answer {
        @Override
        public String toString() {
            return code;
        }
    }

    record Codes(List<String> codes) implements Answer {
        public Codes {
            codes = List.copyOf(codes);
        }

        @Override
        public String toString() {
            return String.join(", ", codes);
        }
    }

    record Number(long value) implements Answer {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    static Answer code(String code) {
        return new Code(code);
    }

    static Answer codes(String... codes) {
        return new Codes(List.of(codes));
    }

    static Answer number(long value) {
        return new Number(value);
    }
}
