package dev.schemagate.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The governance parts of schemagate.yaml: people, approval policies, execution windows. */
class GovernanceConfigTest {
  @TempDir Path dir;

  private static String key() throws Exception {
    byte[] encoded =
        KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
    return "ed25519:" + Base64.getEncoder().encodeToString(encoded);
  }

  private String people() throws Exception {
    return "people:\n"
        + "  alice: {role: final_authority, public_key: '"
        + key()
        + "'}\n"
        + "  pat: {role: planning_and_governance, public_key: '"
        + key()
        + "'}\n"
        + "  max: {role: manager, public_key: '"
        + key()
        + "'}\n"
        + "  wendy: {role: worker}\n";
  }

  private ProjectConfig load(String yaml) throws Exception {
    Path f = dir.resolve("schemagate.yaml");
    Files.writeString(f, yaml);
    return ProjectConfig.load(f);
  }

  private SchemagateException refused(String yaml) {
    return catchThrowableOfType(() -> load(yaml), SchemagateException.class);
  }

  @Test
  void readsPeoplePoliciesAndWindows() throws Exception {
    ProjectConfig c =
        load(
            people()
                + "environments:\n"
                + "  production:\n"
                + "    url_env: PROD_URL\n"
                + "    governed: true\n"
                + "    approvals:\n"
                + "      required: 2\n"
                + "      roles: [manager, planning_and_governance, final_authority]\n"
                + "      final_approver: alice\n"
                + "    windows:\n"
                + "      - {days: [tue, wed, thu], from: '22:00', to: '02:00', time_zone:"
                + " Europe/Berlin}\n");
    assertThat(c.people().keySet()).containsExactly("alice", "pat", "max", "wendy");
    assertThat(c.people().get("wendy").role()).isEqualTo(Role.WORKER);
    assertThat(c.people().get("wendy").publicKey()).isNull();
    ProjectConfig.Environment prod = c.environments().get("production");
    assertThat(prod.approvals().required()).isEqualTo(2);
    assertThat(prod.approvals().roles())
        .containsExactlyInAnyOrder(
            Role.MANAGER, Role.PLANNING_AND_GOVERNANCE, Role.FINAL_AUTHORITY);
    assertThat(prod.approvals().finalApprover()).isEqualTo("alice");
    ExecutionWindow w = prod.windows().get(0);
    assertThat(w.days())
        .containsExactlyInAnyOrder(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
    assertThat(w.from()).isEqualTo(LocalTime.of(22, 0));
    assertThat(w.describe()).isEqualTo("tue,wed,thu 22:00-02:00 Europe/Berlin");
  }

  @Test
  void aWindowPastMidnightBelongsToTheDayItStartsOn() {
    ExecutionWindow w =
        new ExecutionWindow(
            Set.of(DayOfWeek.TUESDAY), LocalTime.of(22, 0), LocalTime.of(2, 0), ZoneId.of("UTC"));
    // 2026-11-24 is a Tuesday.
    assertThat(w.contains(Instant.parse("2026-11-24T23:00:00Z"))).isTrue();
    assertThat(w.contains(Instant.parse("2026-11-25T01:59:00Z"))).isTrue();
    assertThat(w.contains(Instant.parse("2026-11-25T02:00:00Z"))).isFalse();
    assertThat(w.contains(Instant.parse("2026-11-24T01:00:00Z"))).isFalse();
    assertThat(w.contains(Instant.parse("2026-11-24T21:59:00Z"))).isFalse();
  }

  @Test
  void aWindowIsReadInItsOwnTimeZone() {
    ExecutionWindow w =
        new ExecutionWindow(
            Set.of(DayOfWeek.MONDAY),
            LocalTime.of(9, 0),
            LocalTime.of(17, 0),
            ZoneId.of("America/New_York"));
    // Monday 2026-11-23 14:00 UTC is 09:00 in New York.
    assertThat(w.contains(Instant.parse("2026-11-23T14:00:00Z"))).isTrue();
    assertThat(w.contains(Instant.parse("2026-11-23T13:59:00Z"))).isFalse();
  }

  @Test
  void workersMayNotBeApprovers() throws Exception {
    SchemagateException e =
        refused(
            people()
                + "environments:\n  staging:\n    url_env: U\n    governed: true\n"
                + "    approvals: {required: 1, roles: [worker, manager]}\n");
    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage())
        .contains("schemagate.yaml")
        .contains("environment 'staging': approvals: workers may draft, never approve");
  }

  @Test
  void theFinalApproverMustHoldTheFinalAuthority() throws Exception {
    assertThat(
            refused(
                    people()
                        + "environments:\n  production:\n    url_env: U\n    governed: true\n"
                        + "    approvals: {required: 1, roles: [manager], final_approver: max}\n")
                .getMessage())
        .contains("final_approver 'max' is a manager");
    assertThat(
            refused(
                    people()
                        + "environments:\n  production:\n    url_env: U\n    governed: true\n"
                        + "    approvals: {required: 1, roles: [manager], final_approver: bob}\n")
                .getMessage())
        .contains("final_approver 'bob' is not one of the people");
  }

  @Test
  void aPolicyNobodyCanMeetIsRefused() throws Exception {
    assertThat(
            refused(
                    people()
                        + "environments:\n  staging:\n    url_env: U\n    governed: true\n"
                        + "    approvals: {required: 2, roles: [manager]}\n")
                .getMessage())
        .contains("needs 2 approval(s) from [manager], but only 1 person(s) have those roles");
  }

  @Test
  void anApproverWithoutAKeyAndABadKeyAreRefused() throws Exception {
    assertThat(refused("people:\n  max: {role: manager}\n").getMessage())
        .contains("'max' is a manager without a public_key");
    assertThat(refused("people:\n  max: {role: manager, public_key: 'rsa:AAAA'}\n").getMessage())
        .contains("not ed25519:<base64>");
    assertThat(refused("people:\n  max: {role: boss, public_key: x}\n").getMessage())
        .contains("has role 'boss'");
  }

  @Test
  void badWindowsAreRefusedNamingTheWindow() throws Exception {
    String env = "environments:\n  staging:\n    url_env: U\n    windows:\n";
    assertThat(
            refused(env + "      - {days: [mon], from: '9am', to: '17:00', time_zone: UTC}\n")
                .getMessage())
        .contains("windows #1: from must be a time such as '09:00', not '9am'");
    assertThat(
            refused(env + "      - {days: [funday], from: '09:00', to: '17:00', time_zone: UTC}\n")
                .getMessage())
        .contains("unknown day 'funday'");
    assertThat(
            refused(
                    env
                        + "      - {days: [mon], from: '09:00', to: '17:00', time_zone: UTC}\n"
                        + "      - {days: [mon], from: '09:00', to: '17:00', time_zone: Mars/Base}\n")
                .getMessage())
        .contains("windows #2: unknown time_zone 'Mars/Base'");
    assertThat(
            refused(env + "      - {days: [mon], from: '09:00', to: '17:00', zone: UTC}\n")
                .getMessage())
        .contains("unknown key 'zone'");
  }

  @Test
  void aConfigurationWithoutGovernanceKeepsWorking() throws Exception {
    ProjectConfig c = load("environments:\n  local:\n    url: jdbc:sqlite:x.db\n");
    assertThat(c.people()).isEmpty();
    assertThat(c.environments().get("local").approvals()).isNull();
    assertThat(c.environments().get("local").windows()).isEmpty();
  }
}
