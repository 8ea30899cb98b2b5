/**
 * Ban use cases: querying active bans, banning an address by hand after the safety checks fail2ban lacks,
 * and unbanning from one jail or every jail. Manual bans and unbans are archived.
 */
package org.bangui.application.ban;
