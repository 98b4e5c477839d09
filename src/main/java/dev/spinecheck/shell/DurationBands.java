package dev.spinecheck.shell;

import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A choice whose options are bands of time ({@code under_2_weeks}, {@code 2_to_6_weeks}, {@code 6_to_12_weeks},
 * {@code over_12_weeks}), so that a length typed with its unit ("4 weeks", "1.5 months") can be placed in its band, as
 * spec section 10 counts it: a week is 7 days, a month 30.44, a year 365.25; a band "A to B" takes B itself, and A
 * only when the band before it ends below A ("under 2 weeks" is under 14 days, "2 to 6 weeks" 14 to 42, "6 to 12
 * weeks" over 42 up to 84, "over 12 weeks" over 84). The bands are read from the codes, which are a public interface.
 */
final class DurationBands {

    /** One band: more than (or at least) {@code from} days, up to {@code to} days. */
    private record Band(Option option, double from, boolean fromIncluded, double to, boolean toIncluded) {
        boolean holds(double days) {
            return (fromIncluded ? days >= from : days > from) && (toIncluded ? days <= to : days < to);
        }
    }

    /** What a person typed, read as a length of time. */
    sealed interface Length permits Days, Range, NotALength {}

    /** One length, in days. */
    record Days(double days) implements Length {}

    /** Two lengths ("3 to 4 weeks"): asked again, since the bands need one. */
    record Range() implements Length {}

    record NotALength() implements Length {}

    private static final Pattern UNDER = Pattern.compile("under_(\\d+)_(days|weeks|months|years)");
    private static final Pattern BETWEEN = Pattern.compile("(\\d+)_to_(\\d+)_(days|weeks|months|years)");
    private static final Pattern OVER = Pattern.compile("over_(\\d+)_(days|weeks|months|years)");

    private static final Map<String, Double> UNITS = Map.ofEntries(
            Map.entry("hour", 1 / 24.0), Map.entry("hours", 1 / 24.0), Map.entry("hr", 1 / 24.0), Map.entry("hrs", 1 / 24.0),
            Map.entry("day", 1.0), Map.entry("days", 1.0),
            Map.entry("week", 7.0), Map.entry("weeks", 7.0), Map.entry("wk", 7.0), Map.entry("wks", 7.0),
            Map.entry("fortnight", 14.0), Map.entry("fortnights", 14.0),
            Map.entry("month", 30.44), Map.entry("months", 30.44), Map.entry("mth", 30.44), Map.entry("mths", 30.44),
            Map.entry("year", 365.25), Map.entry("years", 365.25), Map.entry("yr", 365.25), Map.entry("yrs", 365.25));

    private static final Map<String, Double> NUMBER_WORDS = Map.ofEntries(
            Map.entry("a", 1.0), Map.entry("an", 1.0), Map.entry("one", 1.0), Map.entry("two", 2.0), Map.entry("three", 3.0),
            Map.entry("four", 4.0), Map.entry("five", 5.0), Map.entry("six", 6.0), Map.entry("seven", 7.0),
            Map.entry("eight", 8.0), Map.entry("nine", 9.0), Map.entry("ten", 10.0), Map.entry("eleven", 11.0),
            Map.entry("twelve", 12.0), Map.entry("half a", 0.5), Map.entry("half an", 0.5));

    /** Words before a length that move it just below or above the number typed ("less than 2 weeks"). */
    private static final Pattern BELOW = Pattern.compile("^(less than|under|below|nearly|almost|just under) ");
    private static final Pattern ABOVE = Pattern.compile("^(more than|over|above|just over|longer than) ");
    private static final Pattern ABOUT = Pattern.compile("^(about|around|roughly|approximately|for|for about) ");

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half an?)";
    private static final Pattern ONE = Pattern.compile("^" + NUMBER + " ?([a-z]+)$");
    private static final Pattern TWO = Pattern.compile("^(?:between )?" + NUMBER + " ?([a-z]+)? ?(?:to|-|–|or|and) ?" + NUMBER + " ?([a-z]+)$");

    private static final double NUDGE = 0.01;

    private final List<Band> bands;

    private DurationBands(List<Band> bands) {
        this.bands = List.copyOf(bands);
    }

    /** The bands of a choice whose every code is a band of time, one after another with no gap; else empty. */
    static Optional<DurationBands> of(Question question) {
        if (!(question instanceof Question.Choice) || question.options().size() < 2) {
            return Optional.empty();
        }
        List<Band> bands = new ArrayList<>();
        Double end = null;
        boolean endIncluded = false;
        for (Option option : question.options()) {
            Matcher under = UNDER.matcher(option.code());
            Matcher between = BETWEEN.matcher(option.code());
            Matcher over = OVER.matcher(option.code());
            if (under.matches() && end == null) {
                end = days(under.group(1), under.group(2));
                endIncluded = false;
                bands.add(new Band(option, 0, true, end, false));
            } else if (between.matches()) {
                double from = days(between.group(1), between.group(3));
                double to = days(between.group(2), between.group(3));
                if (end != null && end != from || to <= from) {
                    return Optional.empty();
                }
                bands.add(new Band(option, from, end == null || !endIncluded, to, true));
                end = to;
                endIncluded = true;
            } else if (over.matches() && end != null && end == days(over.group(1), over.group(2))) {
                bands.add(new Band(option, end, !endIncluded, Double.MAX_VALUE, true));
                end = Double.MAX_VALUE;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new DurationBands(bands));
    }

    private static double days(String number, String unit) {
        return Double.parseDouble(number) * UNITS.get(unit);
    }

    /** The band a length falls in, if any. */
    Optional<Option> bandFor(double days) {
        return bands.stream().filter(b -> b.holds(days)).map(Band::option).findFirst();
    }

    /** Reads "4 weeks", "a week", "1.5 months", "10 days", "about 3 weeks", "less than a week"; a range is a Range. */
    static Length parse(String typed) {
        String text = typed.toLowerCase(Locale.ROOT).strip()
                .replaceAll("(\\d),(\\d)", "$1.$2")
                .replaceAll("[!?.,;:]+$", "")
                .replaceAll("\\s+", " ");
        double nudge = 0;
        Matcher below = BELOW.matcher(text);
        Matcher above = ABOVE.matcher(text);
        Matcher about = ABOUT.matcher(text);
        if (below.find()) {
            nudge = -NUDGE;
            text = text.substring(below.end());
        } else if (above.find()) {
            nudge = NUDGE;
            text = text.substring(above.end());
        } else if (about.find()) {
            text = text.substring(about.end());
        }
        Matcher two = TWO.matcher(text);
        if (two.matches() && UNITS.containsKey(two.group(4))) {
            return new Range();
        }
        Matcher one = ONE.matcher(text);
        if (!one.matches() || !UNITS.containsKey(one.group(2))) {
            return new NotALength();
        }
        String number = one.group(1);
        double value = NUMBER_WORDS.containsKey(number) ? NUMBER_WORDS.get(number) : Double.parseDouble(number);
        return new Days(value * UNITS.get(one.group(2)) + nudge);
    }
}
