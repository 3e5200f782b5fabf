package io.mediasync.resync.model;

/**
 * {@code child.referenceField->parent}: a child document with no image of its own shows the images of the parent
 * whose {@code _id} its {@code referenceField} holds (an episode shows its channel's).
 */
public record Relation(String child, String referenceField, String parent) {

    @Override
    public String toString() {
        return child + "." + referenceField + "->" + parent;
    }
}
