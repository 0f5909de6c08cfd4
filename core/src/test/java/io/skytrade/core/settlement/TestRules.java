package io.skytrade.core.settlement;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/** Test helper: the default settlement rules with some components replaced by name. */
public final class TestRules {
    private TestRules() {
    }

    /** Defaults with {@code nameValuePairs} (component name, value, ...) replaced. */
    public static SettlementRules with(final Object... nameValuePairs) {
        final SettlementRules d = SettlementRules.defaults();
        final RecordComponent[] components = SettlementRules.class.getRecordComponents();
        final Object[] values = new Object[components.length];
        final Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getAccessor().invoke(d);
                for (int k = 0; k < nameValuePairs.length; k += 2) {
                    if (components[i].getName().equals(nameValuePairs[k])) {
                        values[i] = nameValuePairs[k + 1];
                        nameValuePairs[k] = null;
                    }
                }
            }
            for (int k = 0; k < nameValuePairs.length; k += 2) {
                if (nameValuePairs[k] != null) {
                    throw new IllegalArgumentException("SettlementRules has no component " + nameValuePairs[k]);
                }
            }
            final Constructor<SettlementRules> ctor = SettlementRules.class.getDeclaredConstructor(types);
            return ctor.newInstance(values);
        } catch (final java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (final ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
