package com.billflow.process;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the diagram interchange (BPMNDI) of a model and lists what makes it hard to read:
 * labels whose bounds overlap another label or a shape, and flows whose waypoint segments pass
 * through a label or through a shape other than their own source and target. Bounds are in
 * diagram units (pixels at zoom 1); label bounds are the ones the Modeler (bpmn-js) writes for
 * the rendered text, so the check sees what Cockpit draws.
 */
final class DiagramLayout {

    /** Touching edges are fine; only overlaps deeper than this many units count. */
    private static final double TOLERANCE = 1;

    private DiagramLayout() {
    }

    private record Box(String what, String elementId, Rectangle2D rect) {
    }

    /** The problems of one .bpmn file, each a sentence naming the elements; empty when it reads well. */
    static List<String> problems(File file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file);
        List<Box> shapes = new ArrayList<>();
        List<Box> labels = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            String id = shape.getBpmnElement().getId();
            boolean container = shape.getBpmnElement() instanceof SubProcess && Boolean.TRUE.equals(shape.isExpanded());
            if (!container) {
                shapes.add(new Box("shape " + id, id, rect(shape.getBounds())));
            }
            BpmnLabel label = shape.getBpmnLabel();
            if (label != null && label.getBounds() != null) {
                labels.add(new Box("label of " + id, id, rect(label.getBounds())));
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            BpmnLabel label = edge.getBpmnLabel();
            if (label != null && label.getBounds() != null) {
                labels.add(new Box("label of " + edge.getBpmnElement().getId(), edge.getBpmnElement().getId(), rect(label.getBounds())));
            }
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                if (overlap(labels.get(i).rect(), labels.get(j).rect())) {
                    problems.add(labels.get(i).what() + " overlaps " + labels.get(j).what());
                }
            }
            for (Box shape : shapes) {
                if (overlap(labels.get(i).rect(), shape.rect())) {
                    problems.add(labels.get(i).what() + " overlaps " + shape.what());
                }
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) {
                continue;
            }
            List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
            for (int k = 0; k + 1 < points.size(); k++) {
                Line2D segment = new Line2D.Double(points.get(k).getX(), points.get(k).getY(), points.get(k + 1).getX(), points.get(k + 1).getY());
                for (Box label : labels) {
                    if (segment.intersects(shrunk(label.rect()))) {
                        problems.add("flow " + flow.getId() + " crosses the " + label.what());
                    }
                }
                for (Box shape : shapes) {
                    if (!ownEnd(flow, shape.elementId()) && segment.intersects(shrunk(shape.rect()))) {
                        problems.add("flow " + flow.getId() + " crosses the " + shape.what());
                    }
                }
            }
        }
        return problems.stream().distinct().toList();
    }

    /** The flow's source and target; for a boundary event's flow also its host, which the event sits on. */
    private static boolean ownEnd(SequenceFlow flow, String elementId) {
        FlowNode source = flow.getSource();
        return elementId.equals(source.getId()) || elementId.equals(flow.getTarget().getId())
                || (source instanceof BoundaryEvent boundary && elementId.equals(boundary.getAttachedTo().getId()));
    }

    private static Rectangle2D rect(Bounds bounds) {
        return new Rectangle2D.Double(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
    }

    private static Rectangle2D shrunk(Rectangle2D r) {
        return new Rectangle2D.Double(r.getX() + TOLERANCE, r.getY() + TOLERANCE,
                Math.max(0, r.getWidth() - 2 * TOLERANCE), Math.max(0, r.getHeight() - 2 * TOLERANCE));
    }

    private static boolean overlap(Rectangle2D a, Rectangle2D b) {
        return shrunk(a).intersects(shrunk(b));
    }
}
