package org.jalchemy.bench.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The customer for Hibernate with keys from a sequence (pooled by 50), so inserts batch. */
@Entity
@Table(name = "bench_customer")
public class HibernateSeqCustomer {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bench_seq")
  @SequenceGenerator(name = "bench_seq", sequenceName = "bench_customer_seq", allocationSize = 50)
  private Integer id;
  private String name;
  private String description;

  protected HibernateSeqCustomer() {}

  /** A new customer. */
  public HibernateSeqCustomer(String name, String description) {
    this.name = name;
    this.description = description;
  }

  /** The primary key. */
  public Integer getId() {
    return id;
  }

  /** The name. */
  public String getName() {
    return name;
  }

  /** The description. */
  public String getDescription() {
    return description;
  }

  /** Changes the description. */
  public void setDescription(String description) {
    this.description = description;
  }
}
