package com.billflow.perf;

import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records every prepared statement the application executes, with its parameters, by wrapping the
 * application's DataSource (a bean post-processor added to the node under test), so a test can EXPLAIN
 * exactly the SQL that a request sent. Only what {@link #start()} and {@link #stop()} enclose is kept.
 */
final class RecordedStatements implements BeanPostProcessor {

    /** One executed statement: its SQL and its parameters by index (1-based). */
    record Statement(String sql, Map<Integer, Object> parameters) {
    }

    private final List<Statement> recorded = new ArrayList<>();
    private volatile boolean recording;

    synchronized void start() {
        recorded.clear();
        recording = true;
    }

    synchronized List<Statement> stop() {
        recording = false;
        return List.copyOf(recorded);
    }

    private synchronized void add(Statement statement) {
        if (recording) {
            recorded.add(statement);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return wrap(DataSource.class, dataSource, (target, method, args) -> {
                Object result = method.invoke(target, args);
                return result instanceof Connection connection ? connection(connection) : result;
            });
        }
        return bean;
    }

    private Connection connection(Connection connection) {
        return wrap(Connection.class, connection, (target, method, args) -> {
            Object result = method.invoke(target, args);
            if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")) {
                return statement(statement, (String) args[0]);
            }
            return result;
        });
    }

    private PreparedStatement statement(PreparedStatement statement, String sql) {
        Map<Integer, Object> parameters = new TreeMap<>();
        return wrap(PreparedStatement.class, statement, (target, method, args) -> {
            if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                parameters.put(index, method.getName().equals("setNull") ? null : args[1]);
            } else if (method.getName().equals("clearParameters")) {
                parameters.clear();
            } else if (method.getName().startsWith("execute") && (args == null || args.length == 0)) {
                add(new Statement(sql, new TreeMap<>(parameters)));
            }
            return method.invoke(target, args);
        });
    }

    private interface Call {
        Object invoke(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                    return method.invoke(target, args);
                }
                return call.invoke(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler);
    }
}
