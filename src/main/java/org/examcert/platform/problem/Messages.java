package org.examcert.platform.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Human messages by stable code, Vietnamese first and English on request. */
public final class Messages {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private Messages() {
    }

    /** Vietnamese unless the client's preferred languages put English before Vietnamese. */
    public static Locale pick(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if ("vi".equals(locale.getLanguage())) {
                return VIETNAMESE;
            }
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return VIETNAMESE;
    }

    public static String format(Locale locale, String code, List<Object> args) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.examcert.platform.messages",
                "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(code);
        } catch (MissingResourceException e) {
            return code;
        }
        return new MessageFormat(pattern, locale).format(args.toArray());
    }
}
