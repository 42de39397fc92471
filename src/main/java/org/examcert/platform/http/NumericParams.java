package org.examcert.platform.http;

import org.examcert.platform.problem.Problem;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.regex.Pattern;

/**
 * Whole-number path and query parameters ({@code /attempts/{id}}, {@code ?limit=}) read strictly: a
 * value that is not a whole number in range is 400 {@code request.param-invalid} naming the
 * parameter, where JAX-RS would answer 404 as if the address did not exist.
 */
@Provider
public class NumericParams implements ParamConverterProvider {

    // the sign and digits only: no "+", no spaces, no exponent
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,19}");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        boolean isInt = rawType == Integer.class || rawType == int.class;
        boolean isLong = rawType == Long.class || rawType == long.class;
        if (!isInt && !isLong) {
            return null;
        }
        String name = name(annotations);
        return (ParamConverter<T>) new ParamConverter<Number>() {
            @Override
            public Number fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return isInt ? (Number) wholeInt(value, name) : (Number) wholeLong(value, name);
                } catch (Problem problem) {
                    // wrapped: JAX-RS would turn a bare exception from a converter into a 404
                    throw new WebApplicationException(problem, 400);
                }
            }

            @Override
            public String toString(Number value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /** A whole-number parameter as an int, or 400 {@code request.param-invalid} naming it. */
    public static int wholeInt(String value, String name) {
        return (int) whole(value, name, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** A whole-number parameter as a long, or 400 {@code request.param-invalid} naming it. */
    public static long wholeLong(String value, String name) {
        return whole(value, name, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static long whole(String value, String name, long min, long max) {
        if (value != null && WHOLE.matcher(value).matches()) {
            try {
                long parsed = Long.parseLong(value);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // beyond a long: refused below
            }
        }
        throw Problem.badRequest("request.param-invalid", name, min, max);
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof QueryParam q) {
                return q.value();
            }
        }
        return "?";
    }
}
