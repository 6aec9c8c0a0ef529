/** The sign-in page of the console. */
package io.otos.console.signin;
