package io.skytrade.engine.config;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Says on one line what is wrong with a YAML text: snakeyaml-engine's own message spans several
 * lines with a source snippet and a caret under the column, which reads as noise once it is folded
 * into a one-line error. This keeps what a user needs: the line and column (counted from 1), the
 * problem, and what the parser was doing, e.g. {@code line 2, column 1: expected the node content,
 * but found '<stream end>' (while parsing a flow node started at line 1, column 18)}.
 *
 * <p>Error paths only (configuration and grid files); never on the hot path.
 */
public final class YamlErrors {
    private YamlErrors() {
    }

    /** The parser's complaint in one line, with its line and column when it has them. */
    public static String describe(final YamlEngineException e) {
        if (!(e instanceof MarkedYamlEngineException marked)) {
            return oneLine(e.getMessage());
        }
        final StringBuilder sb = new StringBuilder();
        marked.getProblemMark().ifPresent(mark -> sb.append(position(mark)).append(": "));
        sb.append(marked.getProblem() == null ? "malformed" : oneLine(marked.getProblem()));
        if (marked.getContext() != null) {
            sb.append(" (").append(oneLine(marked.getContext()));
            marked.getContextMark()
                .filter(mark -> marked.getProblemMark().map(problem -> problem.getIndex() != mark.getIndex()).orElse(true))
                .ifPresent(mark -> sb.append(" started at ").append(position(mark)));
            sb.append(')');
        }
        return sb.toString();
    }

    private static String position(final Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String oneLine(final String text) {
        return text == null ? "malformed" : text.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
