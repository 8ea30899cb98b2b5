/**
 * HTTP adapter: the REST controllers under {@code /api/v1}. Controllers parse raw input into domain values
 * (which validate themselves), call one use case, and map the result to a JSON response record.
 */
package org.bangui.adapters.web;
