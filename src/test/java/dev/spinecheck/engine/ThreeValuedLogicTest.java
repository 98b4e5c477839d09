package dev.spinecheck.engine;

import static dev.spinecheck.engine.Tiny.exclusive;
import static dev.spinecheck.engine.Tiny.option;
import static dev.spinecheck.engine.Tiny.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's "unknown" logic as a general engine, on a questionnaire of the tests' own: an unanswered question, a
 * question not asked and an "unknown" code (like prefer_not_to_say) are unknown, never "no"; every operator is unknown
 * on them, and all / any / not follow the three-valued truth tables.
 */
class ThreeValuedLogicTest {

    /** Kleene's tables, which both the conditions and their compiled form combine with. */
    @ParameterizedTest(name = "{0} and {1} = {2}, {0} or {1} = {3}")
    @MethodSource("kleene")
    void and_and_or_follow_the_three_valued_tables(Tri a, Tri b, Tri and, Tri or) {
        assertThat(a.and(b)).isEqualTo(and);
        assertThat(a.or(b)).isEqualTo(or);
    }

    static Stream<Arguments> kleene() {
        Tri t = Tri.TRUE;
        Tri f = Tri.FALSE;
        Tri u = Tri.UNKNOWN;
        return Stream.of(Arguments.of(t, t, t, t), Arguments.of(t, f, f, t), Arguments.of(t, u, u, t),
                Arguments.of(f, t, f, t), Arguments.of(f, f, f, f), Arguments.of(f, u, f, u),
                Arguments.of(u, t, u, t), Arguments.of(u, f, f, u), Arguments.of(u, u, u, u));
    }
    static final Questionnaire Q = Tiny.questionnaire()
            .yesNo("a")
            .yesNo("b")
            .choice("pain", option("none"), option("mild"), option("bad"), unknown("unsure"))
            .multi("symptoms", exclusive("none"), option("numb"), option("weak"), unknown("unsure"))
            .whole("age", 16, 120)
            .build();

    static Facts facts(Object... idsAndAnswers) {
        Facts facts = new Facts(Q);
        for (int i = 0; i < idsAndAnswers.length; i += 2) {
            facts.put((String) idsAndAnswers[i], (Answer) idsAndAnswers[i + 1]);
        }
        return facts;
    }

    static Tri eval(Condition condition, Object... idsAndAnswers) {
        return condition.evaluate(facts(idsAndAnswers));
    }

    static Condition not(Condition c) {
        return new Condition.Not(c);
    }

    static final Tri T = Tri.TRUE;
    static final Tri F = Tri.FALSE;
    static final Tri U = Tri.UNKNOWN;

    /** The three-valued tables, as written in the README: all is true only when every part is, any as soon as one is. */
    static Stream<Arguments> tables() {
        return Stream.of(
                // a, b, all(a, b), any(a, b)
                Arguments.of(T, T, T, T), Arguments.of(T, F, F, T), Arguments.of(T, U, U, T),
                Arguments.of(F, T, F, T), Arguments.of(F, F, F, F), Arguments.of(F, U, F, U),
                Arguments.of(U, T, U, T), Arguments.of(U, F, F, U), Arguments.of(U, U, U, U));
    }

    /** A leaf on "a" (a yes_no question) that is true, false, or unknown because the question is unanswered. */
    static Object[] yesNo(String id, Tri value) {
        return value == U ? new Object[0] : new Object[] {id, Answer.code(value == T ? "yes" : "no")};
    }

    /** A leaf on "pain" that is true (bad), false (none), or unknown because of the "unknown" code unsure. */
    static Object[] pain(Tri value) {
        return new Object[] {"pain", Answer.code(value == T ? "bad" : value == F ? "none" : "unsure")};
    }

    static Object[] both(Object[] first, Object[] second) {
        Object[] all = new Object[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Nested
    class TruthTables {
        final Condition a = new Condition.Equals("a", "yes");
        final Condition b = new Condition.Equals("b", "yes");
        final Condition painIsBad = new Condition.Equals("pain", "bad");

        @ParameterizedTest(name = "all({0}, {1}) = {2}, any({0}, {1}) = {3}")
        @MethodSource("dev.spinecheck.engine.ThreeValuedLogicTest#tables")
        void all_and_any_with_an_unanswered_question(Tri left, Tri right, Tri all, Tri any) {
            Object[] answers = both(yesNo("a", left), yesNo("b", right));
            assertThat(eval(new Condition.All(List.of(a, b)), answers)).isEqualTo(all);
            assertThat(eval(new Condition.Any(List.of(a, b)), answers)).isEqualTo(any);
            assertThat(eval(new Condition.All(List.of(b, a)), answers)).as("the order of the parts does not matter").isEqualTo(all);
            assertThat(eval(new Condition.Any(List.of(b, a)), answers)).as("the order of the parts does not matter").isEqualTo(any);
        }

        @ParameterizedTest(name = "all({0}, {1}) = {2}, any({0}, {1}) = {3}, with an unknown code")
        @MethodSource("dev.spinecheck.engine.ThreeValuedLogicTest#tables")
        void all_and_any_with_an_unknown_code(Tri left, Tri right, Tri all, Tri any) {
            Object[] answers = both(pain(left), yesNo("b", right));
            assertThat(eval(new Condition.All(List.of(painIsBad, b)), answers)).isEqualTo(all);
            assertThat(eval(new Condition.Any(List.of(painIsBad, b)), answers)).isEqualTo(any);
        }

        @Test
        void not_swaps_true_and_false_and_keeps_unknown_unknown() {
            assertThat(eval(not(a), yesNo("a", T))).isEqualTo(F);
            assertThat(eval(not(a), yesNo("a", F))).isEqualTo(T);
            assertThat(eval(not(a), yesNo("a", U))).isEqualTo(U);
            assertThat(eval(not(painIsBad), pain(U))).as("not of an unknown code").isEqualTo(U);
            assertThat(eval(not(not(painIsBad)), pain(U))).isEqualTo(U);
        }

        @Test
        void empty_all_is_true_and_empty_any_is_false() {
            assertThat(eval(Condition.ALWAYS)).isEqualTo(T);
            assertThat(eval(Condition.NEVER)).isEqualTo(F);
        }
    }

    @Nested
    class EqualsAndNotEquals {
        final Condition bad = new Condition.Equals("pain", "bad");
        final Condition notBad = new Condition.NotEquals("pain", "bad");

        @Test
        void equals_compares_a_known_code() {
            assertThat(eval(bad, "pain", Answer.code("bad"))).isEqualTo(T);
            assertThat(eval(bad, "pain", Answer.code("mild"))).isEqualTo(F);
        }

        @Test
        void equals_on_an_unknown_code_is_unknown_and_stays_unknown_under_not() {
            assertThat(eval(bad, "pain", Answer.code("unsure"))).isEqualTo(U);
            assertThat(eval(not(bad), "pain", Answer.code("unsure"))).isEqualTo(U);
            assertThat(eval(not(new Condition.Equals("pain", "none")), "pain", Answer.code("unsure")))
                    .as("unsure is not a 'no'").isEqualTo(U);
        }

        @Test
        void equals_on_an_unanswered_question_is_unknown() {
            assertThat(eval(bad)).isEqualTo(U);
            assertThat(eval(not(bad))).isEqualTo(U);
        }

        @Test
        void not_equals_is_true_only_for_another_known_code() {
            assertThat(eval(notBad, "pain", Answer.code("mild"))).isEqualTo(T);
            assertThat(eval(notBad, "pain", Answer.code("bad"))).isEqualTo(F);
            assertThat(eval(notBad, "pain", Answer.code("unsure"))).isEqualTo(U);
            assertThat(eval(notBad)).isEqualTo(U);
        }
    }

    @Nested
    class Has {
        final Condition numb = new Condition.Has("symptoms", "numb");
        final Condition weak = new Condition.Has("symptoms", "weak");

        @Test
        void has_is_true_when_the_code_is_there_even_beside_an_unknown_code() {
            assertThat(eval(numb, "symptoms", Answer.codes("numb", "unsure"))).isEqualTo(T);
        }

        @Test
        void has_is_unknown_when_the_code_is_missing_but_an_unknown_code_is_there() {
            assertThat(eval(weak, "symptoms", Answer.codes("numb", "unsure"))).isEqualTo(U);
            assertThat(eval(weak, "symptoms", Answer.codes("unsure"))).isEqualTo(U);
        }

        @Test
        void has_under_not_stays_unknown_on_an_unknown_code() {
            assertThat(eval(not(weak), "symptoms", Answer.codes("unsure"))).isEqualTo(U);
            assertThat(eval(not(weak), "symptoms", Answer.codes("numb", "unsure"))).isEqualTo(U);
        }

        @Test
        void has_is_false_only_when_every_code_is_known() {
            assertThat(eval(weak, "symptoms", Answer.codes("numb"))).isEqualTo(F);
            assertThat(eval(weak, "symptoms", Answer.codes("none"))).isEqualTo(F);
            assertThat(eval(not(weak), "symptoms", Answer.codes("numb"))).isEqualTo(T);
        }

        @Test
        void has_on_an_unanswered_question_is_unknown() {
            assertThat(eval(numb)).isEqualTo(U);
            assertThat(eval(not(numb))).isEqualTo(U);
        }
    }

    @Nested
    class CountAtLeast {
        final Condition two = new Condition.CountAtLeast("symptoms", 2);

        @Test
        void count_at_least_counts_the_known_codes() {
            assertThat(eval(two, "symptoms", Answer.codes("numb", "weak"))).isEqualTo(T);
            assertThat(eval(two, "symptoms", Answer.codes("numb"))).isEqualTo(F);
            assertThat(eval(not(two), "symptoms", Answer.codes("numb"))).isEqualTo(T);
        }

        @Test
        void an_unknown_code_is_not_counted_and_makes_a_shortfall_unknown() {
            assertThat(eval(two, "symptoms", Answer.codes("numb", "unsure"))).isEqualTo(U);
            assertThat(eval(not(two), "symptoms", Answer.codes("numb", "unsure"))).isEqualTo(U);
            assertThat(eval(new Condition.CountAtLeast("symptoms", 1), "symptoms", Answer.codes("unsure"))).isEqualTo(U);
        }

        @Test
        void enough_known_codes_are_true_whatever_else_is_there() {
            assertThat(eval(new Condition.CountAtLeast("symptoms", 1), "symptoms", Answer.codes("numb", "unsure"))).isEqualTo(T);
        }

        @Test
        void count_at_least_on_an_unanswered_question_is_unknown() {
            assertThat(eval(two)).isEqualTo(U);
            assertThat(eval(not(two))).isEqualTo(U);
        }
    }

    @Nested
    class Compare {
        Condition compare(Condition.Comparison comparison, long value) {
            return new Condition.Compare("age", comparison, value);
        }

        @Test
        void at_least_at_most_and_below_compare_a_known_number() {
            Answer fifty = Answer.number(50);
            assertThat(eval(compare(Condition.Comparison.AT_LEAST, 50), "age", fifty)).isEqualTo(T);
            assertThat(eval(compare(Condition.Comparison.AT_LEAST, 51), "age", fifty)).isEqualTo(F);
            assertThat(eval(compare(Condition.Comparison.AT_MOST, 50), "age", fifty)).isEqualTo(T);
            assertThat(eval(compare(Condition.Comparison.AT_MOST, 49), "age", fifty)).isEqualTo(F);
            assertThat(eval(compare(Condition.Comparison.BELOW, 51), "age", fifty)).isEqualTo(T);
            assertThat(eval(compare(Condition.Comparison.BELOW, 50), "age", fifty)).isEqualTo(F);
        }

        @Test
        void every_comparison_with_an_unanswered_number_is_unknown_also_under_not() {
            for (Condition.Comparison comparison : Condition.Comparison.values()) {
                assertThat(eval(compare(comparison, 50))).as(comparison.key()).isEqualTo(U);
                assertThat(eval(not(compare(comparison, 50)))).as("not " + comparison.key()).isEqualTo(U);
            }
        }
    }

    @Nested
    class Answered {
        final Condition answered = new Condition.Answered("pain");

        @Test
        void answered_is_true_for_any_answer_an_unknown_code_included() {
            assertThat(eval(answered, "pain", Answer.code("none"))).isEqualTo(T);
            assertThat(eval(answered, "pain", Answer.code("unsure"))).isEqualTo(T);
        }

        @Test
        void answered_is_unknown_never_false_until_there_is_an_answer() {
            assertThat(eval(answered)).isEqualTo(U);
            assertThat(eval(not(answered))).isEqualTo(U);
        }
    }
}
