package org.jalchemy.types;

/** An enum for enum round trips; one constant longer than the others fixes the VARCHAR length. */
enum Mood {
  HAPPY,
  SAD,
  IN_BETWEEN
}
