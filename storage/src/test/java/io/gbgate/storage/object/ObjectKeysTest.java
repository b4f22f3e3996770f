package io.gbgate.storage.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "clips/34020000001320000001/2024-05-01T10-00-00Z.mp4", "x.y.z", "a_b-c+d=e",
        "snap/ch1/0001.jpg", "a..b", "_leading", "UPPER/lower/123"})
    void acceptsSafeRelativeKeys(String key) {
        assertThat(ObjectKeys.requireValid(key)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a", "a/", "a//b", "../a", "a/..", "a/../b", ".", "./a", ".a", "a/.b", "a b", "a\tb",
        "a:b", "a%2Fb", "a*b", "\u00fc", "a\u0000b", "a\\b"})
    void rejectsUnsafeKeys(String key) {
        assertThatThrownBy(() -> ObjectKeys.requireValid(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNullEmptyAndOverlongKeys() {
        assertThatThrownBy(() -> ObjectKeys.requireValid(null)).hasMessageContaining("empty");
        assertThatThrownBy(() -> ObjectKeys.requireValid("")).hasMessageContaining("empty");
        assertThat(ObjectKeys.requireValid("k".repeat(ObjectKeys.MAX_LENGTH))).hasSize(ObjectKeys.MAX_LENGTH);
        assertThatThrownBy(() -> ObjectKeys.requireValid("k".repeat(ObjectKeys.MAX_LENGTH + 1)))
                .hasMessageContaining("longer");
    }

    @Test
    void errorMessagesEscapeControlCharacters() {
        assertThatThrownBy(() -> ObjectKeys.requireValid("evil\nkey"))
                .hasMessageContaining("evil\\u000akey")
                .hasMessageNotContaining("\n");
    }
}
