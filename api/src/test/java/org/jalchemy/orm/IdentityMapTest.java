package org.jalchemy.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session's identity map (a weak hash table of its own) and the identity key it is keyed by:
 * what the session relies on when it asks "is this row's object already here".
 */
class IdentityMapTest {
  /** Stands for a mapped class: the map only compares classes. */
  private static final class Row {}

  private static final class OtherRow {}

  @Test
  void findsWhatWasPutAndNothingElse() {
    IdentityMap map = new IdentityMap();
    Object one = new Object();
    map.put(IdentityKey.of(Row.class, 1), one);

    assertThat(map.get(IdentityKey.of(Row.class, 1))).isSameAs(one);
    assertThat(map.get(new IdentityKey(Row.class, List.of(1)))).as("the list form of the same key").isSameAs(one);
    assertThat(map.get(IdentityKey.of(Row.class, 2))).isNull();
    assertThat(map.get(IdentityKey.of(OtherRow.class, 1))).as("same key value, another class").isNull();
    assertThat(map.get(IdentityKey.of(Row.class, 1L))).as("a Long 1 is another key than an Integer 1").isNull();
  }

  @Test
  void aSecondPutForTheSameKeyReplacesTheFirst() {
    IdentityMap map = new IdentityMap();
    Object first = new Object();
    Object second = new Object();
    map.put(IdentityKey.of(Row.class, 7), first);
    map.put(IdentityKey.of(Row.class, 7), second);

    assertThat(map.get(IdentityKey.of(Row.class, 7))).isSameAs(second);
    assertThat(map.size()).isEqualTo(1);
    assertThat(map.objects()).containsExactly(second);
  }

  @Test
  void removeTakesOutOnlyTheObjectNamed() {
    IdentityMap map = new IdentityMap();
    Object held = new Object();
    map.put(IdentityKey.of(Row.class, 3), held);

    map.remove(IdentityKey.of(Row.class, 3), new Object()); // another object for the row: stays
    assertThat(map.get(IdentityKey.of(Row.class, 3))).isSameAs(held);

    map.remove(IdentityKey.of(Row.class, 3), held);
    assertThat(map.get(IdentityKey.of(Row.class, 3))).isNull();
    assertThat(map.size()).isZero();
  }

  @Test
  void keepsEveryEntryThroughItsResizes() {
    IdentityMap map = new IdentityMap();
    List<Object> objects = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      Object o = new Object();
      objects.add(o); // held: the map alone would let them go
      map.put(new IdentityKey(i % 2 == 0 ? Row.class : OtherRow.class, List.of(i, "k" + i)), o);
    }
    map.ensureRoomFor(30_000); // the flush's presizing, between puts
    for (int i = 50_000; i < 60_000; i++) {
      Object o = new Object();
      objects.add(o);
      map.put(IdentityKey.of(Row.class, i), o);
    }

    assertThat(map.size()).isEqualTo(60_000);
    for (int i = 0; i < 50_000; i++) {
      assertThat(map.get(new IdentityKey(i % 2 == 0 ? Row.class : OtherRow.class, List.of(i, "k" + i))))
          .isSameAs(objects.get(i));
    }
    for (int i = 50_000; i < 60_000; i++) {
      assertThat(map.get(IdentityKey.of(Row.class, i))).isSameAs(objects.get(i));
    }
    assertThat(map.objects()).hasSize(60_000);
  }

  /** A key whose hash the test chooses: many of them share one probe run of the table. */
  private record Colliding(int id, int hash) {
    @Override
    public int hashCode() {
      return hash;
    }
  }

  @Test
  void removingFromTheMiddleOfACollidingRunKeepsTheRestFindable() {
    // Keys in few hash classes make long runs of linear probing that wrap around the table; taking
    // entries out of them must move the later ones back, or a lookup stops at the hole.
    IdentityMap map = new IdentityMap();
    java.util.Map<IdentityKey, Object> model = new java.util.HashMap<>();
    java.util.Random random = new java.util.Random(6);
    List<IdentityKey> keys = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      IdentityKey key = IdentityKey.of(Row.class, new Colliding(i, random.nextInt(7) * 1_000_003));
      keys.add(key);
      Object o = new Object();
      model.put(key, o);
      map.put(key, o);
    }
    for (int round = 0; round < 4; round++) {
      for (IdentityKey key : keys) {
        if (random.nextInt(3) == 0 && model.containsKey(key)) {
          map.remove(key, model.remove(key));
        } else if (random.nextInt(5) == 0 && !model.containsKey(key)) {
          Object o = new Object();
          model.put(key, o);
          map.put(key, o);
        }
      }
      assertThat(map.size()).isEqualTo(model.size());
      for (IdentityKey key : keys) {
        assertThat(map.get(key)).as("%s in round %d", key, round).isSameAs(model.get(key));
      }
    }
  }

  @Test
  void dropsTheEntriesOfCollectedObjects() throws InterruptedException {
    IdentityMap map = new IdentityMap();
    Object kept = new Object();
    map.put(IdentityKey.of(Row.class, 0), kept);
    for (int i = 1; i <= 1_000; i++) {
      map.put(IdentityKey.of(Row.class, i), new Object()); // nobody else holds these
    }
    for (int attempt = 0; attempt < 50 && map.size() > 1; attempt++) {
      System.gc();
      Thread.sleep(20);
    }

    assertThat(map.size()).isEqualTo(1);
    assertThat(map.objects()).containsExactly(kept);
    assertThat(map.get(IdentityKey.of(Row.class, 0))).isSameAs(kept);
    Object again = new Object();
    map.put(IdentityKey.of(Row.class, 5), again); // a collected row's key can be taken again
    assertThat(map.get(IdentityKey.of(Row.class, 5))).isSameAs(again);
  }

  @Test
  void identityKeysCompareByClassAndValues() {
    assertThat(IdentityKey.of(Row.class, 1)).isEqualTo(new IdentityKey(Row.class, List.of(1)))
        .hasSameHashCodeAs(new IdentityKey(Row.class, List.of(1)));
    assertThat(new IdentityKey(Row.class, List.of(1, "a"))).isEqualTo(new IdentityKey(Row.class, Arrays.asList(1, "a")))
        .isNotEqualTo(new IdentityKey(Row.class, List.of(1, "b")))
        .isNotEqualTo(new IdentityKey(OtherRow.class, List.of(1, "a")));
    assertThat(IdentityKey.of(Row.class, 1).key()).containsExactly(1);
    assertThat(new IdentityKey(Row.class, List.of(1, "a")).key()).containsExactly(1, "a");
    assertThat(IdentityKey.of(Row.class, 1)).hasToString("IdentityKey[type=Row, key=[1]]");
    assertThatThrownBy(() -> new IdentityKey(Row.class, Arrays.asList(1, null)))
        .isInstanceOf(NullPointerException.class);
  }
}
