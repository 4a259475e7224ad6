package io.rtlbench.waveforms;

import java.util.List;

/** A signal name that matches nothing (or too many things) in a VCD; lists the nearest names. */
public class UnknownSignalException extends RuntimeException {
    private final List<String> suggestions;

    public UnknownSignalException(String message, List<String> suggestions) {
        super(message + (suggestions.isEmpty() ? "" : "; did you mean: " + String.join(", ", suggestions) + "?"));
        this.suggestions = List.copyOf(suggestions);
    }

    /** The nearest signal paths, best first (possibly empty). */
    public List<String> suggestions() { return suggestions; }
}
