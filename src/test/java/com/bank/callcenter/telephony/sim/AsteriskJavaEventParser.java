package com.bank.callcenter.telephony.sim;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.asteriskjava.manager.event.ManagerEvent;

/**
 * asterisk-java's own event builder ({@code EventBuilderImpl}, package-private, reached by reflection),
 * fed the way its {@code ManagerReaderImpl} feeds it: lower-cased keys, trimmed values, repeated keys as lists.
 */
public final class AsteriskJavaEventParser {

    private final Object builder;
    private final Method buildEvent;
    private final Method registerEventClass;

    public AsteriskJavaEventParser() {
        try {
            Class<?> type = Class.forName("org.asteriskjava.manager.internal.EventBuilderImpl");
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            builder = constructor.newInstance();
            buildEvent = type.getMethod("buildEvent", Object.class, Map.class);
            buildEvent.setAccessible(true);
            registerEventClass = type.getMethod("registerEventClass", Class.class);
            registerEventClass.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("asterisk-java's EventBuilderImpl is not reachable", e);
        }
    }

    public void register(Class<? extends ManagerEvent> eventClass) {
        try {
            registerEventClass.invoke(builder, eventClass);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The typed event, or null when asterisk-java has no class for it. */
    public ManagerEvent parse(AmiMessage message) {
        Map<String, Object> buffer = new HashMap<>();
        for (AmiMessage.Field field : message.fields()) {
            String name = field.key().toLowerCase(Locale.ENGLISH).trim();
            String value = field.value().trim();
            Object previous = buffer.get(name);
            if (previous == null) {
                buffer.put(name, value);
            } else if (previous instanceof List<?> list) {
                @SuppressWarnings("unchecked")
                List<String> values = (List<String>) list;
                values.add(value);
            } else {
                List<String> values = new ArrayList<>();
                values.add((String) previous);
                values.add(value);
                buffer.put(name, values);
            }
        }
        try {
            return (ManagerEvent) buildEvent.invoke(builder, this, buffer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
