/**
 * Who is calling: signed session tokens revocable by generation ({@code SessionToken},
 * {@code Sessions}, {@code SessionGenerations}, {@code SessionRevocationWatch}), the signing key,
 * roles, password hashing, and log-in throttling per account and address ({@code LoginThrottle},
 * {@code LoginThrottling}, {@code ClientAddress}).
 */
package org.examcert.platform.security;
