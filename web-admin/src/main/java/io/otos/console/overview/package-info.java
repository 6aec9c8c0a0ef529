/** The dashboard: counts, today's figures and a chart of auth attempts over time. */
package io.otos.console.overview;
