package org.examcert.platform.json;

import org.examcert.platform.problem.Problem;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way a JSON request body becomes a Java value: parsed with a bounded nesting depth, then
 * bound exactly to a record (or handed over as a JSON object). Types are not guessed: an integer
 * field takes only an integer literal in range ({@code 1.5}, {@code "1"}, {@code 1e30} are refused),
 * a text field only a string, a list only an array. Every wrong field is reported at once, by its
 * path ({@code options[2]}), as a 400 {@code request.invalid-fields}.
 * Its length (about 370 lines) is every JSON type's binding rule, stated once here for the whole
 * API.
 */
public final class StrictJson {

    /** Deepest nesting of objects and arrays a body may have; the API's own shapes need 4. */
    public static final int MAX_DEPTH = 32;

    // Looked up once: JsonProvider.provider() scans the class path on every call.
    private static final JsonProvider JSON = JsonProvider.provider();

    private StrictJson() {
    }

    /** Whether bodies of this type are bound here (records and JSON-P values). */
    public static boolean binds(Class<?> type) {
        return type.isRecord() || JsonValue.class.isAssignableFrom(type);
    }

    /**
     * One JSON value read from a body: {@code null} when the body is empty; 400
     * {@code request.malformed-json} when it is not JSON, {@code request.too-deep} when it nests
     * deeper than {@link #MAX_DEPTH}.
     */
    public static JsonValue parse(InputStream body) {
        try {
            PushbackInputStream in = new PushbackInputStream(body, 1);
            int first = in.read();
            if (first < 0) {
                return null;
            }
            in.unread(first);
            try (JsonParser parser = JSON.createParser(in)) {
                return read(parser);
            }
        } catch (JsonParsingException | java.util.NoSuchElementException | IllegalStateException e) {
            throw Problem.badRequest("request.malformed-json");
        } catch (JsonException e) {
            // a limit crossed while reading arrives wrapped by the parser
            Problem limit = causeOf(e);
            throw limit != null ? limit : Problem.badRequest("request.malformed-json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Problem causeOf(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof Problem p) {
                return p;
            }
        }
        return null;
    }

    private record Frame(Object builder, String key) {
    }

    private static JsonValue read(JsonParser parser) {
        List<Frame> stack = new ArrayList<>();
        String key = null;
        JsonValue result = null;
        boolean done = false;
        while (parser.hasNext()) {
            JsonParser.Event event = parser.next();
            if (done) {
                throw Problem.badRequest("request.malformed-json");
            }
            JsonValue value = null;
            switch (event) {
                case KEY_NAME -> key = parser.getString();
                case START_OBJECT, START_ARRAY -> {
                    if (stack.size() >= MAX_DEPTH) {
                        throw Problem.badRequest("request.too-deep", MAX_DEPTH);
                    }
                    stack.add(new Frame(event == JsonParser.Event.START_OBJECT ? JSON.createObjectBuilder()
                            : JSON.createArrayBuilder(), key));
                    key = null;
                }
                case END_OBJECT, END_ARRAY -> {
                    Frame frame = stack.remove(stack.size() - 1);
                    value = frame.builder() instanceof JsonObjectBuilder o ? o.build() : ((JsonArrayBuilder) frame.builder()).build();
                    key = frame.key();
                }
                case VALUE_STRING -> value = JSON.createValue(parser.getString());
                case VALUE_NUMBER -> value = JSON.createValue(parser.getBigDecimal());
                case VALUE_TRUE -> value = JsonValue.TRUE;
                case VALUE_FALSE -> value = JsonValue.FALSE;
                case VALUE_NULL -> value = JsonValue.NULL;
            }
            if (value == null) {
                continue;
            }
            if (stack.isEmpty()) {
                result = value;
                done = true;
            } else if (stack.get(stack.size() - 1).builder() instanceof JsonObjectBuilder object) {
                object.add(key, value);
            } else {
                ((JsonArrayBuilder) stack.get(stack.size() - 1).builder()).add(value);
            }
        }
        if (!done) {
            throw Problem.badRequest("request.malformed-json");
        }
        return result;
    }

    /**
     * The body as {@code type}: a record bound field by field, or the JSON value itself. A missing
     * body or a JSON {@code null} is {@code null} (the resource says whether it needs one); anything
     * but an object where a record or {@link JsonObject} is expected is 400 {@code request.body-not-object}.
     */
    public static Object bind(JsonValue json, Class<?> type) {
        if (json == null || json == JsonValue.NULL) {
            return null;
        }
        if (type.isRecord() || JsonObject.class.equals(type)) {
            if (json.getValueType() != JsonValue.ValueType.OBJECT) {
                throw Problem.badRequest("request.body-not-object");
            }
        } else if (JsonArray.class.equals(type) && json.getValueType() != JsonValue.ValueType.ARRAY) {
            throw Problem.badRequest("request.body-not-array");
        } else if (JsonStructure.class.equals(type) && !(json instanceof JsonStructure)) {
            throw Problem.badRequest("request.body-not-object");
        }
        if (!type.isRecord()) {
            return json;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Object value = record(json.asJsonObject(), type, "", errors);
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return value;
    }

    /** A record type's components and canonical constructor, looked up once per type (answers are saved often). */
    private record Shape(RecordComponent[] components, Constructor<?> canonical) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return new Shape(components, canonical);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + type.getName(), e);
            }
        }
    };

    private static Object record(JsonObject json, Class<?> type, String prefix, List<Problem.FieldError> errors) {
        Shape shape = SHAPES.get(type);
        RecordComponent[] components = shape.components();
        Object[] values = new Object[components.length];
        int errorsBefore = errors.size();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            values[i] = value(json.get(c.getName()), c.getType(), c.getGenericType(), prefix + c.getName(), errors);
        }
        if (errors.size() > errorsBefore) {
            return null;
        }
        try {
            return shape.canonical().newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Problem p) {
                throw p;
            }
            throw Problem.badRequest("request.malformed");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    private static Object value(JsonValue json, Class<?> type, Type generic, String field, List<Problem.FieldError> errors) {
        if (json == null || json == JsonValue.NULL) {
            if (type.isPrimitive()) {
                errors.add(Problem.FieldError.of(field, "json.value-required"));
                return type == boolean.class ? Boolean.FALSE : type == long.class ? (Object) 0L : (Object) 0;
            }
            return json == JsonValue.NULL && JsonValue.class.isAssignableFrom(type) ? JsonValue.NULL : null;
        }
        if (type == String.class) {
            if (json instanceof JsonString s) {
                return s.getString();
            }
            return refused(errors, field, "json.string-expected");
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            boolean small = type == Integer.class || type == int.class;
            Long n = integer(json, small ? Integer.MIN_VALUE : Long.MIN_VALUE, small ? Integer.MAX_VALUE : Long.MAX_VALUE,
                    field, errors);
            if (n == null) {
                return type.isPrimitive() ? (small ? (Object) 0 : (Object) 0L) : null;
            }
            return small ? (Object) n.intValue() : (Object) n;
        }
        if (type == Boolean.class || type == boolean.class) {
            if (json == JsonValue.TRUE || json == JsonValue.FALSE) {
                return json == JsonValue.TRUE;
            }
            refused(errors, field, "json.boolean-expected");
            return type.isPrimitive() ? Boolean.FALSE : null;
        }
        if (type == BigDecimal.class) {
            if (json instanceof JsonNumber number) {
                return number.bigDecimalValue();
            }
            return refused(errors, field, "json.number-expected");
        }
        if (type.isEnum()) {
            if (json instanceof JsonString s) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(s.getString())) {
                        return constant;
                    }
                }
            }
            return refused(errors, field, "json.choice-invalid");
        }
        if (type == List.class) {
            if (!(json instanceof JsonArray array)) {
                return refused(errors, field, "json.array-expected");
            }
            Type element = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            Class<?> elementClass = element instanceof Class<?> c ? c
                    : element instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
            List<Object> list = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                JsonValue item = array.get(i);
                if (item == JsonValue.NULL) {
                    refused(errors, field + "[" + i + "]", "json.value-required");
                    continue;
                }
                list.add(value(item, elementClass, element, field + "[" + i + "]", errors));
            }
            return List.copyOf(list.stream().filter(java.util.Objects::nonNull).toList());
        }
        if (type.isRecord()) {
            if (!(json instanceof JsonObject object)) {
                return refused(errors, field, "json.object-expected");
            }
            return record(object, type, field + ".", errors);
        }
        if (type == JsonObject.class) {
            return json instanceof JsonObject ? json : refused(errors, field, "json.object-expected");
        }
        if (type == JsonArray.class) {
            return json instanceof JsonArray ? json : refused(errors, field, "json.array-expected");
        }
        if (type == JsonValue.class) {
            return json;
        }
        throw new IllegalStateException("no strict JSON binding for " + type.getName() + " (" + field + ")");
    }

    private static Object refused(List<Problem.FieldError> errors, String field, String code) {
        errors.add(Problem.FieldError.of(field, code));
        return null;
    }

    /**
     * An integer literal within [min, max]: no fraction, no exponent, not a string. {@code null}
     * after recording the field's error.
     */
    private static Long integer(JsonValue json, long min, long max, String field, List<Problem.FieldError> errors) {
        if (!(json instanceof JsonNumber number) || number.bigDecimalValue().scale() != 0) {
            refused(errors, field, "json.integer-expected");
            return null;
        }
        BigDecimal n = number.bigDecimalValue();
        if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(Problem.FieldError.of(field, "json.integer-out-of-range", min, max));
            return null;
        }
        return n.longValueExact();
    }

    // Typed reads of a JSON object's members, for resources that take a JsonObject to know which fields were sent.

    /** The member's text, or {@code null} when absent or null; 400 naming the field when it is not a string. */
    public static String text(JsonObject json, String key) {
        JsonString s = member(json, key, JsonString.class, "json.string-expected");
        return s == null ? null : s.getString();
    }

    /** The member as an object, or {@code null} when absent or null; 400 naming the field otherwise. */
    public static JsonObject object(JsonObject json, String key) {
        return member(json, key, JsonObject.class, "json.object-expected");
    }

    /** The member as an array, or {@code null} when absent or null; 400 naming the field otherwise. */
    public static JsonArray array(JsonObject json, String key) {
        return member(json, key, JsonArray.class, "json.array-expected");
    }

    private static <T extends JsonValue> T member(JsonObject json, String key, Class<T> type, String expected) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw Problem.invalid(List.of(Problem.FieldError.of(key, expected)));
        }
        return type.cast(value);
    }

    /** The member as an int, {@code fallback} when absent; 400 naming the field unless an integer literal in range. */
    public static int integer(JsonObject json, String key, int fallback) {
        JsonValue value = json.get(key);
        if (value == null) {
            return fallback;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Long n = integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE, key, errors);
        if (n == null) {
            throw Problem.invalid(errors);
        }
        return n.intValue();
    }
}
