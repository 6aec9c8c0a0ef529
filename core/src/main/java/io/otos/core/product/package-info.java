/**
 * Products: named subdivisions of a device template, identified by a public product key. A product
 * belongs to exactly one template and a product key to exactly one product.
 */
package io.otos.core.product;
