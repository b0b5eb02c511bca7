package dev.releasekit.notes;

import dev.releasekit.PreconditionException;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who counts as a member when looking for external contributors: email domains, single email addresses (members
 * who commit from a personal address) and hosting logins (members who commit from a noreply address). Matching
 * ignores case; a domain also covers its subdomains.
 *
 * <pre>{@code
 * Organisation posthog = Organisation.builder()
 *     .domain("posthog.com")
 *     .email("marius.andra@gmail.com")
 *     .login("macobo")
 *     .build();
 * }</pre>
 *
 * @param domains member email domains, lower case
 * @param emails member email addresses, lower case
 * @param logins member logins, lower case
 */
public record Organisation(Set<String> domains, Set<String> emails, Set<String> logins) {

  public Organisation {
    domains = normalised(domains, "domain");
    emails = normalised(emails, "email");
    logins = normalised(logins, "login");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether the contributor is a member: by email, by email domain, or by the login of a noreply email. */
  public boolean includes(Contributor contributor) {
    String email = contributor.email().toLowerCase(Locale.ROOT);
    if (emails.contains(email)) {
      return true;
    }
    int at = email.lastIndexOf('@');
    if (at >= 0) {
      String domain = email.substring(at + 1);
      for (String member : domains) {
        if (domain.equals(member) || domain.endsWith("." + member)) {
          return true;
        }
      }
    }
    return contributor.login().map(l -> logins.contains(l.toLowerCase(Locale.ROOT))).orElse(false);
  }

  private static Set<String> normalised(Set<String> values, String what) {
    SortedSet<String> out = new TreeSet<>();
    for (String value : Objects.requireNonNull(values, what + "s")) {
      if (value == null || value.isBlank()) {
        throw new PreconditionException("An organisation " + what + " is empty; remove it or give a value.");
      }
      String clean = value.strip().toLowerCase(Locale.ROOT);
      if (what.equals("domain") && clean.startsWith("@")) {
        clean = clean.substring(1);
      }
      if (what.equals("login") && clean.startsWith("@")) {
        clean = clean.substring(1);
      }
      if (what.equals("email") && !clean.contains("@")) {
        throw new PreconditionException("The organisation email \"" + value.strip()
            + "\" has no @; give a whole address, or add it with domain(...) if it is a domain.");
      }
      out.add(clean);
    }
    return Collections.unmodifiableSortedSet(out);
  }

  /** Builds an {@link Organisation}. */
  public static final class Builder {
    private final Set<String> domains = new TreeSet<>();
    private final Set<String> emails = new TreeSet<>();
    private final Set<String> logins = new TreeSet<>();

    private Builder() {
    }

    /** Every address at this domain (or a subdomain) is a member: {@code posthog.com}. */
    public Builder domain(String domain) {
      domains.add(check(domain, "domain"));
      return this;
    }

    public Builder email(String email) {
      emails.add(check(email, "email"));
      return this;
    }

    public Builder login(String login) {
      logins.add(check(login, "login"));
      return this;
    }

    public Organisation build() {
      return new Organisation(domains, emails, logins);
    }

    private static String check(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new PreconditionException("The organisation " + what + " is empty; give a value.");
      }
      return value;
    }
  }
}
