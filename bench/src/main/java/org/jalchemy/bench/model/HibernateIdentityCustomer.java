package org.jalchemy.bench.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The customer for Hibernate with IDENTITY keys (Hibernate cannot batch such inserts). */
@Entity
@Table(name = "bench_customer")
public class HibernateIdentityCustomer {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Integer id;
  private String name;
  private String description;

  protected HibernateIdentityCustomer() {}

  /** A new customer. */
  public HibernateIdentityCustomer(String name, String description) {
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
}
