package org.bangui.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every answer of the configuration editor's controllers is a type Micronaut Serde can encode: a record without
 * a serializable introspection makes every call of its endpoint answer 500 after the change was applied
 * (GET and PUT /server/settings did).
 */
class ConfigAnswersSerdeTest {

    @Test
    void everyConfigurationEndpointAnswersATypeWithASerializableIntrospection() {
        List<String> missing = new ArrayList<>();
        for (Class<?> controller : List.of(JailTuningController.class, ConfigController.class,
                DefinitionController.class)) {
            for (Method method : controller.getDeclaredMethods()) {
                boolean endpoint = method.isAnnotationPresent(Get.class) || method.isAnnotationPresent(Put.class)
                        || method.isAnnotationPresent(Post.class);
                Class<?> body = body(method.getGenericReturnType());
                if (endpoint && body != null && !body.getName().startsWith("java.")
                        && BeanIntrospector.SHARED.findIntrospection(body).isEmpty()) {
                    missing.add(controller.getSimpleName() + "." + method.getName() + " -> " + body.getName());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Class<?> body(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == HttpResponse.class) {
            Type arg = p.getActualTypeArguments()[0];
            return arg instanceof Class<?> c && c != Void.class ? c : null;
        }
        return type instanceof Class<?> c && c != void.class ? c : null;
    }
}
