package io.rtlbench.tools.cli;

import io.rtlbench.testbenches.bench.SimtSpec;
import io.rtlbench.testbenches.bench.SystolicSpec;
import io.rtlbench.testbenches.data.DataPattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for the option types the commands share; each error is one line. */
public final class SpecConverters {
    private SpecConverters() {}

    /** {@code RxC[,ws|os]}. */
    public static final class Systolic implements ITypeConverter<SystolicSpec> {
        @Override public SystolicSpec convert(String value) {
            try {
                return SystolicSpec.parse(value, "--systolic");
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code WxT}. */
    public static final class Simt implements ITypeConverter<SimtSpec> {
        @Override public SimtSpec convert(String value) {
            try {
                return SimtSpec.parse(value, "--simt");
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code random}, {@code zeros} or {@code sparse:P}. */
    public static final class Data implements ITypeConverter<DataPattern> {
        @Override public DataPattern convert(String value) {
            try {
                return DataPattern.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
