package io.mediasync.common.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import com.oracle.svm.core.annotate.Alias;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every substitution and alias still names a method, constructor or field the library has, with the same
 * parameters, return or field type and static-ness (a substitution class standing for its target): a dependency
 * upgrade that renames or retypes one fails here in seconds, not only in the native build.
 */
class NativeSubstitutionsTest {

    private static final List<Class<?>> FILES = List.of(MongoWithoutClientSideEncryption.class, MongoWithoutNettyTransport.class,
            MongoWithoutUnixSockets.class, MongoWithoutZstdOrSnappy.class);

    @Test
    void eachSubstitutionAndAliasMatchesItsTarget() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Class<?> substitution : substitutionClasses()) {
            Class<?> target = target(substitution);
            for (Field f : substitution.getDeclaredFields()) {
                if (f.isAnnotationPresent(Alias.class)) {
                    Field original = target.getDeclaredField(f.getName());
                    assertThat(original.getType()).as(original.toString()).isEqualTo(target(f.getType()));
                    assertThat(Modifier.isStatic(original.getModifiers())).as(original.toString()).isEqualTo(Modifier.isStatic(f.getModifiers()));
                    checked.add(original.toString());
                }
            }
            for (Method m : substitution.getDeclaredMethods()) {
                if (annotated(m)) {
                    Method original = target.getDeclaredMethod(m.getName(), targets(m.getParameterTypes()));
                    assertThat(original.getReturnType()).as(original.toString()).isEqualTo(target(m.getReturnType()));
                    assertThat(Modifier.isStatic(original.getModifiers())).as(original.toString()).isEqualTo(Modifier.isStatic(m.getModifiers()));
                    checked.add(original.toString());
                }
            }
            for (Constructor<?> c : substitution.getDeclaredConstructors()) {
                if (annotated(c)) {
                    checked.add(target.getDeclaredConstructor(targets(c.getParameterTypes())).toString());
                }
            }
        }
        assertThat(checked).hasSize(17);
    }

    private static List<Class<?>> substitutionClasses() {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> file : FILES) {
            if (file.isAnnotationPresent(TargetClass.class)) {
                classes.add(file);
            }
            Arrays.stream(file.getDeclaredClasses()).filter(c -> c.isAnnotationPresent(TargetClass.class)).forEach(classes::add);
        }
        return classes;
    }

    private static boolean annotated(Executable e) {
        return e.isAnnotationPresent(Substitute.class) || e.isAnnotationPresent(Alias.class);
    }

    /** A substitution class stands for its target class in signatures. */
    private static Class<?> target(Class<?> type) throws ClassNotFoundException {
        TargetClass t = type.getAnnotation(TargetClass.class);
        return t == null ? type : Class.forName(t.className(), false, NativeSubstitutionsTest.class.getClassLoader());
    }

    private static Class<?>[] targets(Class<?>[] types) throws ClassNotFoundException {
        Class<?>[] out = new Class<?>[types.length];
        for (int i = 0; i < types.length; i++) {
            out[i] = target(types[i]);
        }
        return out;
    }
}
