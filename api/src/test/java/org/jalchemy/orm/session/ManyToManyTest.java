package org.jalchemy.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.select;

import java.sql.SQLException;
import java.util.List;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.session.model.SesLabel;
import org.jalchemy.orm.session.model.SesLabel_;
import org.jalchemy.orm.session.model.SesPost;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Many-to-many through a secondary table: in-memory sync, rows written and removed by flush, lazy loading. */
class ManyToManyTest {

  private static final String PAIRS =
      "SELECT p.title, l.name FROM ses_post_label pl JOIN ses_post p ON p.id = pl.post_id "
          + "JOIN ses_label l ON l.id = pl.label_id ORDER BY p.title, l.name";

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void secondaryRowsFollowTheCollections(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb)) {
      try (Session session = db.sessions.open()) {
        SesPost post = new SesPost("hello");
        SesLabel java = new SesLabel("java");
        SesLabel sql = new SesLabel("sql");
        post.getLabels().add(java);
        post.getLabels().add(sql);
        assertThat(java.getPosts()).as("back-populated in memory").containsExactly(post);
        session.add(post);
        session.commit();
        List<String> statements = db.statements();
        boolean batched = db.engine.dialect().batchReturnsGeneratedKeys(); // both labels in one batch
        int inserts = batched ? 2 : 3;
        assertThat(statements.subList(0, inserts)).as("unrelated tables, in either order")
            .containsExactlyInAnyOrderElementsOf(batched ? List.of("INSERT ses_post", "INSERT ses_label")
                : List.of("INSERT ses_post", "INSERT ses_label", "INSERT ses_label"));
        assertThat(statements.subList(inserts, statements.size())).as("then the secondary rows").containsExactly("INSERT ses_post_label");
        assertThat(db.batchSizes).as("both secondary rows in one batch, once each")
            .containsExactlyElementsOf(batched ? List.of(2, 2) : List.of(2));
      }
      assertThat(db.rows(PAIRS)).containsExactly(List.of("hello", "java"), List.of("hello", "sql"));

      try (Session session = db.sessions.open()) {
        SesLabel java = session.scalars(select(SesLabel.class).where(SesLabel_.name.eq("java"))).one();
        db.takeSql();
        SesPost post = java.getPosts().iterator().next();
        assertThat(db.statements()).as("lazy load through the secondary table").containsExactly("SELECT ses_post");
        assertThat(post.getTitle()).isEqualTo("hello");
        SesPost other = new SesPost("other");
        java.getPosts().add(other);            // from the other side: other.labels gets java
        assertThat(other.getLabels()).containsExactly(java);
        post.getLabels().remove(java);         // autoflush, load post.labels, then drop the pair
        assertThat(db.statements()).containsExactly("INSERT ses_post", "INSERT ses_post_label", "SELECT ses_label");
        session.commit();
        assertThat(db.statements()).containsExactly("DELETE ses_post_label");
      }
      assertThat(db.rows(PAIRS)).containsExactly(List.of("hello", "sql"), List.of("other", "java"));

      try (Session session = db.sessions.open()) {
        SesPost other = session.scalars(select(SesPost.class).where(org.jalchemy.orm.session.model.SesPost_.title.eq("other"))).one();
        session.delete(other);
        session.commit();
      }
      assertThat(db.rows(PAIRS)).as("the deleted post's rows went with it").containsExactly(List.of("hello", "sql"));
      assertThat(db.rows("SELECT title FROM ses_post")).containsExactly(List.of("hello"));
    }
  }
}
