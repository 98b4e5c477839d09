package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every text of a questionnaire passed through one function, the rest (ids, codes, conditions) kept as it is: so that
 * a placeholder is filled in once, in every text, before anything is shown, whichever screen or report shows it.
 */
public final class Texts {
    private final UnaryOperator<String> f;

    private Texts(UnaryOperator<String> f) {
        this.f = text -> text == null ? null : f.apply(text);
    }

    /** The questionnaire with {@code f} applied to each of its texts. */
    public static Questionnaire map(Questionnaire q, UnaryOperator<String> f) {
        Texts t = new Texts(f);
        Map<Level, LevelText> levels = new EnumMap<>(Level.class);
        q.levels().forEach((level, text) -> levels.put(level, t.level(text)));
        return new Questionnaire(q.id(), q.version(), t.f.apply(q.title()), t.f.apply(q.intro()), t.all(q.sources()),
                q.items().stream().map(t::item).toList(), q.flags().stream().map(t::flag).toList(), levels,
                t.advice(q.advice()), q.people(), t.emergency(q.emergency()));
    }

    private List<String> all(List<String> texts) {
        return texts.stream().map(f).toList();
    }

    private Item item(Item item) {
        if (item instanceof Section s) {
            return new Section(s.id(), f.apply(s.title()), s.askWhen(), s.items().stream().map(this::item).toList());
        }
        return question((Question) item);
    }

    private Question question(Question q) {
        if (q instanceof Question.YesNo y) {
            return new Question.YesNo(y.id(), f.apply(y.text()), f.apply(y.help()), y.askWhen(), options(y.options()));
        }
        if (q instanceof Question.Choice c) {
            return new Question.Choice(c.id(), f.apply(c.text()), f.apply(c.help()), c.askWhen(), options(c.options()));
        }
        if (q instanceof Question.Multi m) {
            return new Question.Multi(m.id(), f.apply(m.text()), f.apply(m.help()), m.askWhen(), options(m.options()));
        }
        Question.IntegerQuestion i = (Question.IntegerQuestion) q;
        return new Question.IntegerQuestion(i.id(), f.apply(i.text()), f.apply(i.help()), i.askWhen(), i.min(), i.max(),
                f.apply(i.unit()), f.apply(i.belowMinMessage()));
    }

    private List<Option> options(List<Option> options) {
        return options.stream().map(o -> new Option(o.code(), f.apply(o.text()), f.apply(o.help()), o.exclusive(), o.unknown())).toList();
    }

    private Flag flag(Flag flag) {
        return new Flag(flag.id(), flag.level(), f.apply(flag.title()), f.apply(flag.reason()), f.apply(flag.action()), flag.kind(),
                flag.see(), flag.when());
    }

    private LevelText level(LevelText t) {
        Map<String, String> byPerson = new LinkedHashMap<>();
        t.nextStepFor().forEach((person, step) -> byPerson.put(person, f.apply(step)));
        return new LevelText(t.level(), f.apply(t.label()), f.apply(t.headline()), f.apply(t.timeFrame()), f.apply(t.nextStep()), byPerson);
    }

    private Advice advice(Advice a) {
        if (a == null) {
            return null;
        }
        Advice.SafetyNet net = a.safetyNet() == null ? null : new Advice.SafetyNet(f.apply(a.safetyNet().intro()),
                a.safetyNet().groups().stream().map(g -> new Advice.SafetyGroup(g.kind(), f.apply(g.title()), all(g.items()))).toList());
        Advice.ConservativeCare care = a.care() == null ? null : new Advice.ConservativeCare(a.care().levels(), a.care().when(),
                f.apply(a.care().intro()), a.care().triedQuestion(), f.apply(a.care().triedLabel()),
                a.care().items().stream().map(i -> new Advice.CareItem(f.apply(i.text()), i.tried())).toList(), a.care().learn());
        Advice.FusionNote fusion = a.fusion() == null ? null : new Advice.FusionNote(a.fusion().levels(), a.fusion().when(),
                f.apply(a.fusion().title()), f.apply(a.fusion().text()), a.fusion().learn());
        List<Advice.AnswerNote> notes = new ArrayList<>();
        a.notes().forEach(n -> notes.add(new Advice.AnswerNote(n.question(), n.code(), f.apply(n.text()), n.kind())));
        return new Advice(net, f.apply(a.disclaimer()), care, fusion, notes, a.readMore());
    }

    private Emergency emergency(Emergency e) {
        Map<ActionKind, Emergency.Action> actions = new EnumMap<>(ActionKind.class);
        e.actions().forEach((kind, a) -> actions.put(kind, new Emergency.Action(f.apply(a.line()), f.apply(a.lastLine()), f.apply(a.brief()))));
        List<Emergency.Instruction> instructions = e.instructions().stream()
                .map(i -> new Emergency.Instruction(f.apply(i.text()), i.flags(), i.unlessFlags())).toList();
        return new Emergency(actions, e.callWhen(), instructions, f.apply(e.undone()));
    }
}
