package org.bangui.domain.jail;

import java.util.List;

/**
 * Reads and controls the jails of the fail2ban server.
 *
 * <p>Every method may throw {@link org.bangui.domain.server.ServerUnavailableException} when fail2ban cannot be
 * reached and {@link org.bangui.domain.server.CommandRejectedException} when it refuses a command.
 */
public interface JailControlPort {

    /** The names of the running jails, in fail2ban's order; never null. */
    List<JailName> jailNames();

    /**
     * Counters of one jail.
     *
     * @throws UnknownJailException if the jail does not exist
     */
    JailCounters counters(JailName jail);

    /**
     * The effective settings of one jail.
     *
     * @throws UnknownJailException if the jail does not exist
     */
    JailConfiguration configuration(JailName jail);

    /**
     * Starts a jail that fail2ban still knows (stopped jails are forgotten by fail2ban and need a reload).
     *
     * @throws UnknownJailException if the jail does not exist
     */
    void start(JailName jail);

    /**
     * Stops a jail; fail2ban unbans its addresses and forgets the jail until the next reload.
     *
     * @throws UnknownJailException if the jail does not exist
     */
    void stop(JailName jail);

    /**
     * Puts a jail into idle mode (it keeps running but ignores new failures) or takes it out again.
     *
     * @return the idle state fail2ban reports after the change
     * @throws UnknownJailException if the jail does not exist
     */
    boolean setIdle(JailName jail, boolean idle);

    /**
     * Sets runtime settings of a running jail; each present value is sent as an integer number of seconds (or
     * failures), never as text fail2ban would evaluate.
     *
     * @throws UnknownJailException if the jail does not exist
     */
    void setSettings(JailName jail, JailSettings settings);

    /**
     * Adds an address or network to a running jail's ignore list.
     *
     * @param entry an address or CIDR network, already validated
     * @return the jail's ignore list after the change
     * @throws UnknownJailException if the jail does not exist
     */
    List<String> addIgnoreIp(JailName jail, String entry);

    /**
     * Removes an entry from a running jail's ignore list (fail2ban ignores an entry it does not hold).
     *
     * @return the jail's ignore list after the change
     * @throws UnknownJailException if the jail does not exist
     */
    List<String> removeIgnoreIp(JailName jail, String entry);
}
