package org.bangui.application.jail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.bangui.application.FakeFail2ban;
import org.bangui.application.audit.Actor;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.application.jail.ControlJailUseCase.JailCommand;
import org.bangui.application.jail.ControlJailUseCase.SetIdleCommand;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.UnknownJailException;
import org.junit.jupiter.api.Test;

class JailControlServiceTest {

    private final FakeFail2ban fail2ban = new FakeFail2ban("sshd");
    private final List<String> audit = new ArrayList<>();
    private final RecordAuditUseCase auditTrail = (actor, action, target, failure) -> audit.add(actor.principal()
            + " " + action.code() + " " + target + " " + (failure.isEmpty() ? "success" : failure));
    private final List<String> restarted = new ArrayList<>();
    /** The files define "forgotten" only: other names are unknown there too. */
    private final ForgottenJails fromFiles = (actor, jail) -> {
        if (!jail.value().equals("forgotten")) {
            throw new UnknownJailException(jail);
        }
        restarted.add(jail.value());
    };
    private final JailControlService service = new JailControlService(fail2ban, auditTrail, fromFiles);

    @Test
    void eachOperationIsAuditedOnceWithItsActorAndOutcome() {
        Actor job = Actor.system("maintenance");
        service.start(new JailCommand(JailName.of("sshd"), job));
        assertThat(service.setIdle(new SetIdleCommand(JailName.of("sshd"), true, job))).isTrue();
        service.stop(new JailCommand(JailName.of("sshd"), job));
        assertThatThrownBy(() -> service.start(new JailCommand(JailName.of("nope"), Actor.anonymous("192.0.2.7"))))
                .isInstanceOf(UnknownJailException.class);
        assertThat(audit).containsExactly("system:maintenance jail_start sshd success",
                "system:maintenance jail_idle sshd idle=true success", "system:maintenance jail_stop sshd success",
                "anonymous jail_start nope unknown_jail");
    }

    @Test
    void aJailFail2banForgotIsStartedFromTheFilesAndAuditedOnceAsAStart() {
        service.start(new JailCommand(JailName.of("forgotten"), Actor.system("maintenance")));

        assertThat(restarted).containsExactly("forgotten");
        assertThat(audit).containsExactly("system:maintenance jail_start forgotten success");
    }
}
