package org.jalchemy.bench;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.jalchemy.bench.model.HibernateIdentityCustomer;
import org.jalchemy.bench.model.HibernateSeqCustomer;

/** Hibernate ORM 7's variants, written as its documentation recommends (batch size 1000). */
final class HibernateVariants {
  private HibernateVariants() {}

  /** persist every object in one session and transaction; keys from a pooled sequence, so inserts batch. */
  static long bulkInsertSequence(SessionFactory sf, int n) {
    try (Session s = sf.openSession()) {
      Transaction tx = s.beginTransaction();
      for (int i = 0; i < n; i++) {
        s.persist(new HibernateSeqCustomer(Data.name(i), Data.description(i)));
      }
      tx.commit();
    }
    return n;
  }

  /** The same with IDENTITY keys: Hibernate then inserts each row on its own at persist. */
  static long bulkInsertIdentity(SessionFactory sf, int n) {
    try (Session s = sf.openSession()) {
      Transaction tx = s.beginTransaction();
      for (int i = 0; i < n; i++) {
        s.persist(new HibernateIdentityCustomer(Data.name(i), Data.description(i)));
      }
      tx.commit();
    }
    return n;
  }

  /** Every row as a managed entity. */
  static long fetchEntities(SessionFactory sf) {
    try (Session s = sf.openSession()) {
      List<HibernateSeqCustomer> all = s.createSelectionQuery("from HibernateSeqCustomer", HibernateSeqCustomer.class)
          .getResultList();
      long chars = 0;
      for (HibernateSeqCustomer c : all) {
        chars += c.getName().length();
      }
      return chars > 0 ? all.size() : -1;
    }
  }

  /** Every row as column tuples. */
  static long fetchTuples(SessionFactory sf) {
    try (Session s = sf.openSession()) {
      List<Object[]> all = s.createSelectionQuery(
          "select c.id, c.name, c.description from HibernateSeqCustomer c", Object[].class).getResultList();
      long chars = 0;
      for (Object[] row : all) {
        chars += ((String) row[1]).length();
      }
      return chars > 0 ? all.size() : -1;
    }
  }

  /** Session per row: persist, commit. */
  static long singleInserts(SessionFactory sf, int n) {
    for (int i = 0; i < n; i++) {
      try (Session s = sf.openSession()) {
        Transaction tx = s.beginTransaction();
        s.persist(new HibernateSeqCustomer(Data.name(i), Data.description(i)));
        tx.commit();
      }
    }
    return n;
  }

  /** Session per lookup: find by key. */
  static long find(SessionFactory sf, int[] ids) {
    long found = 0;
    for (int id : ids) {
      try (Session s = sf.openSession()) {
        HibernateSeqCustomer c = s.find(HibernateSeqCustomer.class, id);
        if (c != null && c.getId() == id) {
          found++;
        }
      }
    }
    return found;
  }

  /** Loads 1,000 entities at a time by key range, changes one attribute, flush and clear; one commit. */
  static long update(SessionFactory sf, int[] range) {
    long n = 0;
    try (Session s = sf.openSession()) {
      Transaction tx = s.beginTransaction();
      for (int lo = range[0] - 1; lo < range[1]; lo += 1000) {
        List<HibernateSeqCustomer> chunk = new ArrayList<>(s.createSelectionQuery(
                "from HibernateSeqCustomer c where c.id > :lo and c.id <= :hi", HibernateSeqCustomer.class)
            .setParameter("lo", lo).setParameter("hi", lo + 1000).getResultList());
        for (HibernateSeqCustomer c : chunk) {
          c.setDescription(Data.updated(c.getId()));
        }
        s.flush();
        s.clear();
        n += chunk.size();
      }
      tx.commit();
    }
    return n;
  }
}
