/** The rate-limit policy: which limit applies to which kind of request. */
package org.bangui.application.ratelimit;
