/**
 * Image references and Harbor naming: the reference grammar of distribution/reference, the Harbor
 * target {@code registry/project/repository:tag} with the platform's limits, and a suggested target
 * for a local image.
 */
package io.github.harborupload.reference;
