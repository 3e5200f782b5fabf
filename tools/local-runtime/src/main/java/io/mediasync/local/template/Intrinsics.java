package io.mediasync.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions against local values: parameters, pseudo
 * parameters, conditions, and what each resource's Ref and GetAtt give locally (a queue's URL,
 * ARN and name, a bucket's name, a function's name). Values the local runtime cannot know become
 * {@link #NO_VALUE} (property removed), as {@code AWS::NoValue} does.
 */
public final class Intrinsics {

    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final Map<String, Object> parameters;
    private final Map<String, Object> conditionDefinitions;
    private final Function<String, Object> resourceRef;
    private final BiFunction<String, String, Object> resourceAttribute;
    private final Map<String, Boolean> conditions = new LinkedHashMap<>();

    public Intrinsics(Map<String, Object> parameters, Map<String, Object> conditionDefinitions,
            Function<String, Object> resourceRef, BiFunction<String, String, Object> resourceAttribute) {
        this.parameters = parameters;
        this.conditionDefinitions = conditionDefinitions;
        this.resourceRef = resourceRef;
        this.resourceAttribute = resourceAttribute;
    }

    public boolean condition(String name) {
        Boolean known = conditions.get(name);
        if (known == null) {
            Object definition = conditionDefinitions.get(name);
            if (definition == null) {
                throw new IllegalArgumentException("template: unknown condition " + name);
            }
            known = truth(evaluate(definition));
            conditions.put(name, known);
        }
        return known;
    }

    /** Evaluates a value, recursively; maps and lists drop entries that evaluate to AWS::NoValue. */
    @SuppressWarnings("unchecked")
    public Object evaluate(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<String, Object> only = ((Map<String, Object>) map).entrySet().iterator().next();
                String key = only.getKey();
                if (key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition") && !(only.getValue() instanceof Map)) {
                    if (key.equals("Condition")) {
                        return condition(String.valueOf(only.getValue()));
                    }
                    return function(key, only.getValue());
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> {
                Object evaluated = evaluate(v);
                if (evaluated != NO_VALUE) {
                    result.put(k, evaluated);
                }
            });
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            for (Object item : list) {
                Object evaluated = evaluate(item);
                if (evaluated != NO_VALUE) {
                    result.add(evaluated);
                }
            }
            return result;
        }
        return value;
    }

    public String string(Object value) {
        Object evaluated = evaluate(value);
        return evaluated == null || evaluated == NO_VALUE ? null : String.valueOf(evaluated);
    }

    private Object function(String name, Object argument) {
        return switch (name) {
            case "Ref" -> ref(String.valueOf(argument));
            case "Fn::Sub" -> sub(argument);
            case "Fn::If" -> {
                List<?> args = (List<?>) argument;
                yield evaluate(condition(String.valueOf(args.get(0))) ? args.get(1) : args.get(2));
            }
            case "Fn::Equals" -> {
                List<?> args = (List<?>) argument;
                yield String.valueOf(evaluate(args.get(0))).equals(String.valueOf(evaluate(args.get(1))));
            }
            case "Fn::Not" -> !truth(evaluate(((List<?>) argument).get(0)));
            case "Fn::And" -> ((List<?>) argument).stream().allMatch(a -> truth(evaluate(a)));
            case "Fn::Or" -> ((List<?>) argument).stream().anyMatch(a -> truth(evaluate(a)));
            case "Fn::Join" -> {
                List<?> args = (List<?>) argument;
                List<String> parts = new ArrayList<>();
                for (Object part : (List<?>) evaluate(args.get(1))) {
                    parts.add(String.valueOf(part));
                }
                yield String.join(String.valueOf(args.get(0)), parts);
            }
            case "Fn::Select" -> {
                List<?> args = (List<?>) argument;
                int index = Integer.parseInt(String.valueOf(evaluate(args.get(0))));
                yield ((List<?>) evaluate(args.get(1))).get(index);
            }
            case "Fn::Split" -> {
                List<?> args = (List<?>) argument;
                yield List.of(String.valueOf(evaluate(args.get(1))).split(Pattern.quote(String.valueOf(args.get(0))), -1));
            }
            case "Fn::GetAtt" -> {
                List<?> args = argument instanceof List<?> l ? l : List.of(String.valueOf(argument).split("\\.", 2));
                yield resourceAttribute.apply(String.valueOf(args.get(0)), String.valueOf(args.get(1)));
            }
            default -> NO_VALUE; // Fn::ImportValue, Fn::GetAZs...: nothing to resolve locally
        };
    }

    private Object ref(String name) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        return switch (name) {
            case "AWS::NoValue" -> NO_VALUE;
            case "AWS::Region" -> "us-east-1";
            case "AWS::AccountId" -> "000000000000";
            case "AWS::Partition" -> "aws";
            case "AWS::StackName" -> "mediasync-local";
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> resourceRef.apply(name);
        };
    }

    private Object sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> args) {
            text = String.valueOf(args.get(0));
            @SuppressWarnings("unchecked")
            Map<String, Object> vars = (Map<String, Object>) args.get(1);
            variables = vars;
        } else {
            text = String.valueOf(argument);
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1).trim();
            Object value;
            if (variables.containsKey(variable)) {
                value = evaluate(variables.get(variable));
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                value = resourceAttribute.apply(variable.substring(0, variable.indexOf('.')), variable.substring(variable.indexOf('.') + 1));
            } else {
                value = ref(variable);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == NO_VALUE ? "" : String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString().replace("${!", "${");
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }
}
